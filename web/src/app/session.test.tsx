import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alexMe, mockServer, problem } from '../test/mock-server';
import { renderApp } from '../test/render-app';

describe('session handling', () => {
  it('sends a logged-out person from a private page to log in', async () => {
    mockServer({ 'GET /api/me': () => problem(401, 'unauthenticated', 'Please log in.') });
    const { router } = renderApp('/sharing');
    await screen.findByRole('heading', { level: 1, name: 'Log in' });
    expect(router.state.location.pathname).toBe('/login');
  });

  it('goes to log in when a call answers 401 mid-visit (the session ended)', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/sharing': () => problem(401, 'unauthenticated', 'Please log in.'),
    });
    const { router } = renderApp('/sharing');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(await screen.findByText('You were logged out. Please log in again.')).toBeTruthy();
  });

  it('logs in and returns to the invite only when "next" is an invite link', async () => {
    let loggedIn = false;
    mockServer({
      'GET /api/me': () => (loggedIn ? { status: 200, body: alexMe } : problem(401, 'unauthenticated', 'Please log in.')),
      'POST /api/auth/login': () => {
        loggedIn = true;
        return { status: 200, body: alexMe };
      },
      'GET /api/invites/:token': () => ({
        status: 200,
        body: { kind: 'partner', invitedBy: 'Blake', programName: null, expiresAt: '2026-12-02T09:00:00.000Z' },
      }),
      'GET /api/couple': () => problem(409, 'not-in-couple', 'You are not in a couple space.'),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/login?next=%2Fjoin%2Faaaaaaaaaaaaaaaaaaaa');
    await user.type(await screen.findByLabelText('E-mail'), 'alex@example.org');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/join/aaaaaaaaaaaaaaaaaaaa'));
  });

  it('ignores a "next" that is not an invite link', async () => {
    mockServer({
      'GET /api/me': () => problem(401, 'unauthenticated', 'Please log in.'),
      'POST /api/auth/login': () => ({ status: 200, body: { ...alexMe, coupleId: null } }),
      'GET /api/couple': () => problem(409, 'not-in-couple', 'You are not in a couple space.'),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/login?next=https%3A%2F%2Fevil.example');
    await user.type(await screen.findByLabelText('E-mail'), 'alex@example.org');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/us'));
  });

  it('shows a wrong password calmly, without saying which part was wrong', async () => {
    mockServer({
      'GET /api/me': () => problem(401, 'unauthenticated', 'Please log in.'),
      'POST /api/auth/login': () => problem(401, 'invalid-credentials', 'That e-mail and password do not match an account.'),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/login');
    await user.type(await screen.findByLabelText('E-mail'), 'alex@example.org');
    await user.type(screen.getByLabelText('Password'), 'not the password');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('That e-mail and password do not match an account.');
    expect(router.state.location.pathname).toBe('/login');
  });
});
