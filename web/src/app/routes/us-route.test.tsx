import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alexMe, ids, mockServer, problem, alexAndBlake as couple } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

describe('us page', () => {
  it('says only "hasn\'t shared this with you" when the partner\'s preferences answer 404', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/couple': () => ({ status: 200, body: couple }),
      'GET /api/people/:id/support-preferences': () => problem(404, 'not-found', 'Not found.'),
    });
    renderApp('/us');
    expect(await screen.findByText('Blake hasn’t shared this with you.')).toBeTruthy();
  });

  it('lists what my partner can see of mine, next to theirs', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/couple': () => ({ status: 200, body: couple }),
      'GET /api/people/:id/support-preferences': () => problem(404, 'not-found', 'Not found.'),
      'GET /api/me/sharing': () => ({
        status: 200,
        body: {
          settings: [
            {
              kind: 'support-preferences',
              audience: 'both',
              updatedAt: null,
              allowedAudiences: ['private', 'partner', 'care-team', 'both'],
            },
            { kind: 'checkins', audience: 'care-team', updatedAt: null, allowedAudiences: ['private', 'partner', 'care-team', 'both'] },
          ],
        },
      }),
    });
    renderApp('/us');
    const region = await screen.findByRole('region', { name: 'What you share' });
    expect(within(region).getByText('Blake can see:')).toBeTruthy();
    expect(within(region).getByRole('listitem').textContent).toBe('What helps me');
  });

  it('shows what the partner shared', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/couple': () => ({ status: 200, body: couple }),
      'GET /api/people/:id/support-preferences': () => ({
        status: 200,
        body: { ownerId: ids.blake, helps: 'A short walk together.', doesNotHelp: '', updatedAt: null, can: { edit: false } },
      }),
    });
    renderApp('/us');
    const region = await screen.findByRole('region', { name: 'What helps Blake' });
    expect(await within(region).findByText('A short walk together.')).toBeTruthy();
  });

  it('explains leaving before it happens, then leaves at once', async () => {
    let left = false;
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/couple': () => (left ? problem(409, 'not-in-couple', 'You are not in a couple space.') : { status: 200, body: couple }),
      'GET /api/people/:id/support-preferences': () => problem(404, 'not-found', 'Not found.'),
      'POST /api/couple/leave': () => {
        left = true;
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderApp('/us');
    await user.click(await screen.findByRole('button', { name: 'Leave the couple space…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave the couple space?' });
    expect(within(dialog).getByText('Blake will immediately stop seeing anything you shared.')).toBeTruthy();
    expect(within(dialog).getByText('You keep all of your own data.')).toBeTruthy();
    expect(within(dialog).getByText('What you shared with your partner goes back to private.')).toBeTruthy();
    expect(requests.some((request) => request.path === '/api/couple/leave')).toBe(false);

    await user.click(within(dialog).getByRole('button', { name: 'Yes, leave now' }));
    const leftNotice = await screen.findByText('You left the couple space. Your own data is safe and private.');
    expect(document.activeElement).toBe(leftNotice);
    expect(screen.getByRole('button', { name: 'Create our couple space' })).toBeTruthy();
  });

  it('tells plainly that the partner left, offers support, and hides the notice on request', async () => {
    let notices = [{ id: ids.notice, code: 'partner-left', at: '2026-11-24T09:00:00.000Z' }];
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/couple': () => ({
        status: 200,
        body: { ...couple, partners: [couple.partners[0]], notices, can: { invite: true, leave: true } },
      }),
      'DELETE /api/couple/notices/:id': () => {
        notices = [];
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderApp('/us');
    expect(await screen.findByText('Your partner left the couple space. What they shared is no longer visible to you.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Talk to someone now' }));
    const crisis = await screen.findByRole('dialog', { name: 'Help right now' });
    expect(within(crisis).getByRole('link', { name: 'Call 988' })).toBeTruthy();
    await user.click(within(crisis).getByRole('button', { name: 'Close' }));
    await user.click(screen.getByRole('button', { name: 'Okay, hide this' }));
    await waitFor(() => expect(screen.queryByText(/Your partner left the couple space/)).toBeNull());
    expect(requests.find((request) => request.method === 'DELETE')?.path).toBe(`/api/couple/notices/${ids.notice}`);
  });

  it('makes a single-use invite link and says when it expires', async () => {
    let pendingInvite: { id: string; expiresAt: string } | null = null;
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/couple': () => ({
        status: 200,
        body: { ...couple, partners: [couple.partners[0]], pendingInvite, can: { invite: pendingInvite === null, leave: true } },
      }),
      'POST /api/couple/invites': () => {
        pendingInvite = { id: ids.invite, expiresAt: '2026-12-02T09:00:00.000Z' };
        return { status: 201, body: { ...pendingInvite, token: 'tok', url: 'http://localhost:3100/join/tok' } };
      },
    });
    const user = userEvent.setup();
    renderApp('/us');
    await user.click(await screen.findByRole('button', { name: 'Make an invite link' }));
    const link = await screen.findByLabelText('Invite link');
    expect((link as HTMLInputElement).value).toBe('http://localhost:3100/join/tok');
    expect(document.activeElement).toBe(link);
    expect(screen.getByText(/This link works once and expires on December 2, 2026/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Withdraw the link' })).toBeTruthy();
  });
});

describe('program invitations on the us page', () => {
  it('lets me join a program for myself, and asks before I leave it', async () => {
    let myEnrollment: 'invited' | 'accepted' | null = 'invited';
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/couple': () => ({
        status: 200,
        body: { ...couple, programs: myEnrollment ? [{ id: ids.program, name: 'Riverside', myEnrollment }] : [] },
      }),
      'GET /api/people/:id/support-preferences': () => problem(404, 'not-found', 'Not found.'),
      'POST /api/programs/:id/enrollment': () => {
        myEnrollment = 'accepted';
        return { status: 204 };
      },
      'DELETE /api/programs/:id/enrollment': () => {
        myEnrollment = null;
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderApp('/us');
    await user.click(await screen.findByRole('button', { name: 'Join Riverside for myself' }));
    // Joining shows the consent form first; joining without ticking anything consents to nothing yet.
    await user.click(await screen.findByRole('radio', { name: 'Reports on my progress' }));
    await user.click(await screen.findByRole('button', { name: 'Join Riverside with this consent' }));
    await user.click(await screen.findByRole('button', { name: 'Leave Riverside' }));
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ consent: { kinds: [], purpose: 'progress-reporting' } });
    const dialog = await screen.findByRole('dialog', { name: 'Leave Riverside?' });
    expect(requests.some((request) => request.method === 'DELETE')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Yes, leave' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Treatment programs' })).toBeNull());
    expect(
      requests.filter((request) => request.path === `/api/programs/${ids.program}/enrollment`).map((request) => request.method),
    ).toEqual(['POST', 'DELETE']);
  });
});
