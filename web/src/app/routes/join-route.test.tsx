import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alexMe, ids, mockServer, problem } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

const token = 'AkbSOjKNgVu1_hw2tDNcOc30zHxrtx76';
const preview = { kind: 'partner', invitedBy: 'Alex', programName: null, expiresAt: '2026-12-02T09:00:00.000Z' };
const blakeMe = { ...alexMe, user: { ...alexMe.user, id: ids.blake, displayName: 'Blake', email: 'blake@example.org' }, coupleId: null };

describe('join page', () => {
  it('shows who invited and, logged out, a sign-up form that comes back to the invite', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => problem(401, 'unauthenticated', 'Please log in.'),
      'GET /api/invites/:token': () => ({ status: 200, body: preview }),
      'POST /api/auth/signup': () => ({ status: 202, body: { status: 'check-email', message: '' } }),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/join/${token}`);
    expect(await screen.findByText('Alex invited you to share a couple space on Twofold.')).toBeTruthy();
    expect(screen.getByText(/expires on December 2, 2026/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'I already have an account: log in' }).getAttribute('href')).toBe(
      `/login?next=${encodeURIComponent(`/join/${token}`)}`,
    );
    expect(router.state.location.pathname).toBe(`/join/${token}`);

    await user.type(screen.getByLabelText('What should we call you?'), 'Blake');
    await user.type(screen.getByLabelText('E-mail'), 'blake@example.org');
    await user.type(screen.getByLabelText('Password'), 'another long passphrase');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await screen.findByRole('heading', { name: 'Check your e-mail' });
    expect(requests.find((request) => request.path === '/api/auth/signup')?.body).toMatchObject({ next: `/join/${token}` });
  });

  it('lets a logged-in person accept, and then leads to the couple space', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: blakeMe }),
      'GET /api/invites/:token': () => ({ status: 200, body: preview }),
      'POST /api/invites/:token/accept': () => ({ status: 200, body: { kind: 'partner', coupleId: ids.couple, programId: null } }),
    });
    const user = userEvent.setup();
    renderApp(`/join/${token}`);
    expect(await screen.findByText('Alex invited you to share a couple space on Twofold.')).toBeTruthy();
    expect(screen.getByText('You are logged in as Blake.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Accept the invite' }));
    expect(await screen.findByText('You joined the couple space.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to our couple space' }).getAttribute('href')).toBe('/us');
    expect(requests.some((request) => request.method === 'POST' && request.path === `/api/invites/${token}/accept`)).toBe(true);
  });

  it('explains a refusal calmly, e.g. when the person is already in a couple space', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: blakeMe }),
      'GET /api/invites/:token': () => ({ status: 200, body: preview }),
      'POST /api/invites/:token/accept': () => problem(409, 'already-in-couple', 'You are already in a couple space.'),
    });
    const user = userEvent.setup();
    renderApp(`/join/${token}`);
    await user.click(await screen.findByRole('button', { name: 'Accept the invite' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'You are already in a couple space. To join another, you would first leave your current one.',
    );
  });

  it('says plainly when the link was used or expired', async () => {
    mockServer({
      'GET /api/me': () => problem(401, 'unauthenticated', 'Please log in.'),
      'GET /api/invites/:token': () => problem(410, 'invite-invalid', 'This invite link is no longer valid.'),
    });
    renderApp(`/join/${token}`);
    await waitFor(() =>
      expect(
        screen.getByText(/This invite link is no longer valid\. It may have been used already or expired\. Ask the person/),
      ).toBeTruthy(),
    );
    expect(screen.queryByRole('button', { name: 'Accept the invite' })).toBeNull();
  });
});

describe('join page for a program invite', () => {
  const programPreview = {
    kind: 'program-couple',
    invitedBy: 'Dr. Rivera',
    programName: 'Riverside Couples Recovery',
    expiresAt: '2026-12-02T09:00:00.000Z',
  };

  it('asks a person without a couple space to start one first, instead of offering Accept', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: blakeMe }),
      'GET /api/invites/:token': () => ({ status: 200, body: programPreview }),
    });
    renderApp(`/join/${token}`);
    expect(await screen.findByText('Dr. Rivera invited you and your partner to Riverside Couples Recovery.')).toBeTruthy();
    expect(screen.getByText('This invite is for a couple. Start your couple space first, then open this link again.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accept the invite' })).toBeNull();
  });

  it('explains a conflict as "already invited" for a couple in that program', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: { ...blakeMe, coupleId: ids.couple } }),
      'GET /api/invites/:token': () => ({ status: 200, body: programPreview }),
      'POST /api/invites/:token/accept': () => problem(409, 'conflict', 'This changed in the meantime.'),
    });
    const user = userEvent.setup();
    renderApp(`/join/${token}`);
    await user.click(await screen.findByRole('button', { name: 'Accept the invite' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Your couple is already invited to this program.');
  });
});
