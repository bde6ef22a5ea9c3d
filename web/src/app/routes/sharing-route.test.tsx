import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alexMe, mockServer, problem } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

const all = ['private', 'partner', 'care-team', 'both'];
const supportPreferences = { kind: 'support-preferences', audience: 'private', updatedAt: null, allowedAudiences: all };

describe('sharing settings page', () => {
  it('renders every kind the API returns, with only the choices each allows, and a fallback for unknown kinds', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/couple': () => problem(409, 'not-in-couple', 'You are not in a couple space.'),
      'GET /api/me/sharing': () => ({
        status: 200,
        body: {
          settings: [
            supportPreferences,
            { kind: 'daily-moods', audience: 'care-team', updatedAt: '2026-11-20T10:00:00.000Z', allowedAudiences: all },
            { kind: 'journal', audience: 'private', updatedAt: null, allowedAudiences: ['private'] },
          ],
        },
      }),
    });
    renderApp('/sharing');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sharing' })).toBeTruthy();
    const known = await screen.findByRole('region', { name: 'What helps me' });
    expect(within(known).getAllByRole('radio')).toHaveLength(4);
    expect(within(known).getByRole('radio', { name: 'Only me' })).toHaveProperty('checked', true);

    const unknown = screen.getByRole('region', { name: 'Other data (daily-moods)' });
    expect(within(unknown).getByRole('radio', { name: 'My care team' })).toHaveProperty('checked', true);

    const journal = screen.getByRole('region', { name: 'Journal' });
    expect(within(journal).queryAllByRole('radio')).toHaveLength(0);
    expect(within(journal).getByText('Always private. Nobody else can see it as a whole.')).toBeTruthy();

    // Each choice is explained once, in plain words, and every radio points to its explanation.
    const partnerRadio = within(known).getByRole('radio', { name: 'My partner' });
    const description = document.getElementById(partnerRadio.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe('Your partner can read it. Your care team cannot.');
    expect(screen.getByText(/no partner can see anything, whatever you choose here/)).toBeTruthy();
  });

  it('sends a PUT with the chosen audience and confirms it once saved', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/sharing': () => ({ status: 200, body: { settings: [supportPreferences] } }),
      'PUT /api/me/sharing/:kind': (request, params) => ({
        status: 200,
        body: {
          kind: params['kind'],
          audience: (request.body as { audience: string }).audience,
          updatedAt: '2026-11-25T09:00:00.000Z',
          allowedAudiences: all,
        },
      }),
    });
    const user = userEvent.setup();
    renderApp('/sharing');
    const region = await screen.findByRole('region', { name: 'What helps me' });
    await user.click(within(region).getByRole('radio', { name: 'My partner' }));

    await waitFor(() => expect(requests.some((request) => request.method === 'PUT')).toBe(true));
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.path).toBe('/api/me/sharing/support-preferences');
    expect(put?.body).toEqual({ audience: 'partner' });
    expect(put?.headers['x-csrf-token']).toBe('csrf-test-token');
    expect(await within(region).findByText('Saved. Now visible to: your partner.')).toBeTruthy();
    expect(within(region).getByRole('radio', { name: 'My partner' })).toHaveProperty('checked', true);
  });

  it('keeps the saved choice and says so calmly when the change fails', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/sharing': () => ({ status: 200, body: { settings: [supportPreferences] } }),
      'PUT /api/me/sharing/:kind': () => problem(503, 'service-busy', 'Twofold is busy.'),
    });
    const user = userEvent.setup();
    renderApp('/sharing');
    const region = await screen.findByRole('region', { name: 'What helps me' });
    await user.click(within(region).getByRole('radio', { name: 'My partner and my care team' }));
    expect(await within(region).findByRole('alert')).toHaveProperty('textContent', 'Twofold is busy. Please try again in a moment.');
    expect(within(region).getByRole('radio', { name: 'Only me' })).toHaveProperty('checked', true);
  });
});
