import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockServer, problem } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

async function fillSignup(user: ReturnType<typeof userEvent.setup>, values: { name: string; email: string; password: string }) {
  await user.type(await screen.findByLabelText('What should we call you?'), values.name);
  await user.type(screen.getByLabelText('E-mail'), values.email);
  await user.type(screen.getByLabelText('Password'), values.password);
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('sign-up form', () => {
  it('puts a field error from a problem+json 400 pointer on that field', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => problem(401, 'unauthenticated', 'Please log in.'),
      'POST /api/auth/signup': () =>
        problem(400, 'validation-failed', 'Some answers need another look.', [
          { pointer: '/displayName', message: 'That name is too long for us.' },
        ]),
    });
    const user = userEvent.setup();
    renderApp('/signup');
    await fillSignup(user, { name: 'Sam', email: 'sam@example.org ', password: 'a long enough passphrase' });

    const name = screen.getByLabelText('What should we call you?');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = name.getAttribute('aria-describedby') ?? '';
    const messages = describedBy.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(messages).toContain('That name is too long for us.');
    expect(screen.getByLabelText('E-mail').getAttribute('aria-invalid')).toBeNull();
    expect(name).toBe(document.activeElement);

    const sent = requests.find((request) => request.path === '/api/auth/signup');
    expect(sent?.headers['x-csrf-token']).toBe('csrf-test-token');
    expect(sent?.body).toMatchObject({
      email: 'sam@example.org',
      displayName: 'Sam',
      locale: 'en',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });

  it('checks the password length with the shared schema before sending anything', async () => {
    const { requests } = mockServer({ 'GET /api/me': () => problem(401, 'unauthenticated', 'Please log in.') });
    const user = userEvent.setup();
    renderApp('/signup');
    await fillSignup(user, { name: 'Sam', email: 'sam@example.org', password: 'short' });

    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Use at least 12 characters. A few words in a row work well.', { selector: '.field__error' })).toBeTruthy();
    expect(requests.some((request) => request.path === '/api/auth/signup')).toBe(false);
  });

  it('says to check the e-mail after the 202, without telling whether the address has an account', async () => {
    mockServer({
      'GET /api/me': () => problem(401, 'unauthenticated', 'Please log in.'),
      'POST /api/auth/signup': () => ({
        status: 202,
        body: { status: 'check-email', message: 'Check your e-mail for a link to finish signing up.' },
      }),
    });
    const user = userEvent.setup();
    renderApp('/signup');
    await fillSignup(user, { name: 'Sam', email: 'sam@example.org', password: 'a long enough passphrase' });
    expect(await screen.findByRole('heading', { name: 'Check your e-mail' })).toBeTruthy();
    expect(screen.getByText(/If this address can be used, we sent a link to sam@example.org/)).toBeTruthy();
  });
});

describe('password field', () => {
  it('can show the passphrase being typed', async () => {
    mockServer({ 'GET /api/me': () => problem(401, 'unauthenticated', 'Please log in.') });
    const user = userEvent.setup();
    renderApp('/signup');
    const password = await screen.findByLabelText('Password');
    expect(password.getAttribute('type')).toBe('password');
    const toggle = screen.getByRole('button', { name: 'Show password' });
    await user.click(toggle);
    expect(password.getAttribute('type')).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
  });
});
