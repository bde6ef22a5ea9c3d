import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alexMe, mockServer, problem } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

const loggedOut = () => problem(401, 'unauthenticated', 'Please log in.');
const challenge = { status: 202, body: { status: 'two-factor-required', message: 'Enter the code.' } };

describe('forgot password and the reset link', () => {
  it('asks for a link from the log-in page and answers the same whoever asks', async () => {
    const { requests } = mockServer({
      'GET /api/me': loggedOut,
      'POST /api/auth/password-reset': () => ({ status: 202, body: { status: 'check-email', message: 'x' } }),
    });
    const user = userEvent.setup();
    renderApp('/login');
    await user.click(await screen.findByRole('link', { name: 'Forgot your password?' }));
    expect(await screen.findByRole('heading', { name: 'Reset your password' })).toBeTruthy();
    await user.type(screen.getByLabelText('E-mail'), 'sam@example.org ');
    await user.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(await screen.findByText(/If an account has this address, we sent it a link/)).toBeTruthy();
    expect(requests.find((request) => request.path === '/api/auth/password-reset')?.body).toEqual({ email: 'sam@example.org' });
  });

  it('sets a new password from the link, checked with the shared rules first', async () => {
    const { requests } = mockServer({
      'GET /api/me': loggedOut,
      'POST /api/auth/password-reset/confirm': () => ({ status: 204 }),
    });
    const user = userEvent.setup();
    renderApp('/reset-password?token=abcdefghijklmnopqrstuvwxyz');
    const field = await screen.findByLabelText('New password');
    await user.type(field, 'short');
    await user.click(screen.getByRole('button', { name: 'Save the new password' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(requests.some((request) => request.path === '/api/auth/password-reset/confirm')).toBe(false);
    await user.clear(field);
    await user.type(field, 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Save the new password' }));
    expect(await screen.findByText(/every device was signed out/)).toBeTruthy();
    expect(requests.find((request) => request.path === '/api/auth/password-reset/confirm')?.body).toEqual({
      token: 'abcdefghijklmnopqrstuvwxyz',
      password: 'a brand new passphrase',
    });
  });

  it('says plainly when the link has expired, with a way to ask again', async () => {
    mockServer({
      'GET /api/me': loggedOut,
      'POST /api/auth/password-reset/confirm': () => problem(410, 'reset-link-invalid', 'This link has expired or was already used.'),
    });
    const user = userEvent.setup();
    renderApp('/reset-password?token=abcdefghijklmnopqrstuvwxyz');
    await user.type(await screen.findByLabelText('New password'), 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Save the new password' }));
    expect(await screen.findByText(/This link has expired or was already used\. Ask for a new one\./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toBeTruthy();
  });
});

describe('two-step log-in', () => {
  it('asks for the code after the password, then logs in', async () => {
    let signedIn = false;
    const { requests } = mockServer({
      'GET /api/me': () => (signedIn ? { status: 200, body: alexMe } : loggedOut()),
      'POST /api/auth/login': () => challenge,
      'POST /api/auth/login/two-factor': () => {
        signedIn = true;
        return { status: 200, body: alexMe };
      },
    });
    const user = userEvent.setup();
    renderApp('/login');
    await user.type(await screen.findByLabelText('E-mail'), 'alex@example.org');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    const code = await screen.findByLabelText('Code');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    await user.type(code, '12 34 56');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() =>
      expect(requests.find((request) => request.path === '/api/auth/login/two-factor')?.body).toEqual({ code: '123456' }),
    );
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Log in' })).toBeNull());
  });

  it('a wrong code stays on the step; a step that took too long goes back to the password', async () => {
    let answer = () => problem(401, 'two-factor-code-invalid', 'That code did not work.');
    mockServer({
      'GET /api/me': loggedOut,
      'POST /api/auth/login': () => challenge,
      'POST /api/auth/login/two-factor': () => answer(),
    });
    const user = userEvent.setup();
    renderApp('/login');
    await user.type(await screen.findByLabelText('E-mail'), 'alex@example.org');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await user.type(await screen.findByLabelText('Code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText(/That code did not work/)).toBeTruthy();
    answer = () => problem(401, 'unauthenticated', 'Please log in.');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('That took too long. Log in again with your password.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Log in again' }));
    expect(await screen.findByLabelText('Password')).toBeTruthy();
  });
});

describe('settings: password and two-step sign-in', () => {
  it('sets up two-step sign-in: QR code, a first code, recovery codes shown once', async () => {
    let enabled = false;
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/two-factor': () => ({ status: 200, body: { enabled, required: false, recoveryCodesLeft: enabled ? 10 : 0 } }),
      'POST /api/me/two-factor': () => ({
        status: 201,
        body: {
          otpauthUri: 'otpauth://totp/Twofold:alex?secret=ABCDEFGHIJKLMNOP&issuer=Twofold',
          secret: 'ABCDEFGHIJKLMNOP',
          qrCode: 'data:image/svg+xml;base64,PHN2Zy8+',
        },
      }),
      'POST /api/me/two-factor/confirm': () => {
        enabled = true;
        return { status: 200, body: { recoveryCodes: ['aaaa-bbbb-cccc-dddd', 'eeee-ffff-gggg-hhhh'] } };
      },
    });
    const user = userEvent.setup();
    renderApp('/settings');
    const section = await screen.findByRole('region', { name: 'Two-step sign-in' });
    await user.click(await within(section).findByRole('button', { name: 'Set up two-step sign-in' }));
    const qr = await within(section).findByRole('img', { name: 'QR code to add Twofold to your authenticator app' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(within(section).getByText('ABCD EFGH IJKL MNOP')).toBeTruthy();
    await user.type(within(section).getByLabelText('Code'), '123');
    await user.click(within(section).getByRole('button', { name: 'Turn on' }));
    expect(within(section).getByLabelText('Code').getAttribute('aria-invalid')).toBe('true');
    await user.clear(within(section).getByLabelText('Code'));
    await user.type(within(section).getByLabelText('Code'), '123456');
    await user.click(within(section).getByRole('button', { name: 'Turn on' }));
    const codes = await within(section).findByRole('list', { name: 'Recovery codes' });
    expect(
      within(codes)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['aaaa-bbbb-cccc-dddd', 'eeee-ffff-gggg-hhhh']);
    expect(requests.find((request) => request.path === '/api/me/two-factor/confirm')?.body).toEqual({ code: '123456' });
    await user.click(within(section).getByRole('button', { name: 'I have saved them' }));
    expect(await within(section).findByText('Two-step sign-in is on. Recovery codes left: 10.')).toBeTruthy();
    expect(within(section).queryByText('aaaa-bbbb-cccc-dddd')).toBeNull();
  });

  it('tells program staff it is required', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/two-factor': () => ({ status: 200, body: { enabled: false, required: true, recoveryCodesLeft: 0 } }),
    });
    renderApp('/settings');
    const section = await screen.findByRole('region', { name: 'Two-step sign-in' });
    expect(await within(section).findByText(/Program staff must use two-step sign-in/)).toBeTruthy();
  });

  it('changes the password, with the wrong current password put on its field', async () => {
    let wrong = true;
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/two-factor': () => ({ status: 200, body: { enabled: false, required: false, recoveryCodesLeft: 0 } }),
      'POST /api/me/password': () =>
        wrong
          ? problem(401, 'invalid-credentials', 'x', [{ pointer: '/currentPassword', message: 'This is not your current password.' }])
          : { status: 204 },
    });
    const user = userEvent.setup();
    renderApp('/settings');
    const section = await screen.findByRole('region', { name: 'Password' });
    await user.type(within(section).getByLabelText('Current password'), 'not it at all');
    await user.type(within(section).getByLabelText('New password'), 'a brand new passphrase');
    await user.click(within(section).getByRole('button', { name: 'Change password' }));
    const current = within(section).getByLabelText('Current password');
    await waitFor(() => expect(current.getAttribute('aria-invalid')).toBe('true'));
    expect(current).toBe(document.activeElement);
    wrong = false;
    await user.click(within(section).getByRole('button', { name: 'Change password' }));
    expect(await within(section).findByText('Password changed. Every other device was signed out.')).toBeTruthy();
  });
});
