import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { alexMe, mockServer, problem } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

const invite = '/join/aaaaaaaaaaaaaaaaaaaaaaaa';

describe('confirm page', () => {
  it('sends the e-mailed token once, then goes back to the invite', async () => {
    let confirmed = false;
    const { requests } = mockServer({
      'GET /api/me': () => (confirmed ? { status: 200, body: alexMe } : problem(401, 'unauthenticated', 'Please log in.')),
      'POST /api/auth/confirm': () => {
        confirmed = true;
        return { status: 201, body: alexMe };
      },
      'GET /api/invites/:token': () => ({
        status: 200,
        body: { kind: 'partner', invitedBy: 'Blake', programName: null, expiresAt: '2026-12-02T09:00:00.000Z' },
      }),
    });
    const { router } = renderApp(`/confirm?token=tok_aaaaaaaaaaaaaaaa&next=${encodeURIComponent(invite)}`);
    await waitFor(() => expect(router.state.location.pathname).toBe(invite));
    const confirms = requests.filter((request) => request.path === '/api/auth/confirm');
    expect(confirms).toHaveLength(1);
    expect(confirms[0]?.body).toEqual({ token: 'tok_aaaaaaaaaaaaaaaa' });
    expect(await screen.findByRole('button', { name: 'Accept the invite' })).toBeTruthy();
  });

  it('never follows a "next" that is not an invite link', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'POST /api/auth/confirm': () => ({ status: 201, body: alexMe }),
      'GET /api/couple': () => problem(409, 'not-in-couple', 'You are not in a couple space.'),
    });
    const { router } = renderApp(`/confirm?token=tok_bbbbbbbbbbbbbbbb&next=${encodeURIComponent('//evil.example/join/x')}`);
    await waitFor(() => expect(router.state.location.pathname).toBe('/us'));
  });

  it('says calmly when the link no longer works', async () => {
    mockServer({
      'GET /api/me': () => problem(401, 'unauthenticated', 'Please log in.'),
      'POST /api/auth/confirm': () => problem(410, 'invite-invalid', 'This link is no longer valid.'),
    });
    renderApp('/confirm?token=tok_cccccccccccccccc');
    expect(await screen.findByText('This link did not work. It may have expired or been used already.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign up again' }).getAttribute('href')).toBe('/signup');
  });
});
