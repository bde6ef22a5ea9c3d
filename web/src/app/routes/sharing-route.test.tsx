import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alexMe, mockServer, problem } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

describe('sharing settings page', () => {
  it('renders every kind the API returns, with a fallback for kinds it does not know', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/sharing': () => ({
        status: 200,
        body: {
          settings: [
            { kind: 'support-preferences', audience: 'private', updatedAt: null },
            { kind: 'daily-checkins', audience: 'care-team', updatedAt: '2026-11-20T10:00:00.000Z' },
          ],
        },
      }),
    });
    renderApp('/sharing');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sharing' })).toBeTruthy();
    const known = await screen.findByRole('region', { name: 'What helps me' });
    expect(within(known).getByRole('radio', { name: /Only me/ })).toHaveProperty('checked', true);
    const unknown = screen.getByRole('region', { name: 'Other data (daily-checkins)' });
    expect(within(unknown).getByRole('radio', { name: /^My care team/ })).toHaveProperty('checked', true);
    expect(screen.getAllByRole('group', { name: 'Who may see this?' })).toHaveLength(2);
  });

  it('sends a PUT with the chosen audience and confirms it once saved', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/sharing': () => ({
        status: 200,
        body: { settings: [{ kind: 'support-preferences', audience: 'private', updatedAt: null }] },
      }),
      'PUT /api/me/sharing/:kind': (request, params) => ({
        status: 200,
        body: { kind: params['kind'], audience: (request.body as { audience: string }).audience, updatedAt: '2026-11-25T09:00:00.000Z' },
      }),
    });
    const user = userEvent.setup();
    renderApp('/sharing');
    const region = await screen.findByRole('region', { name: 'What helps me' });
    await user.click(within(region).getByRole('radio', { name: /^My partner Your partner can read it/ }));

    await waitFor(() => expect(requests.some((request) => request.method === 'PUT')).toBe(true));
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.path).toBe('/api/me/sharing/support-preferences');
    expect(put?.body).toEqual({ audience: 'partner' });
    expect(put?.headers['x-csrf-token']).toBe('csrf-test-token');
    expect(await within(region).findByText('Saved. Now visible to: your partner.')).toBeTruthy();
    expect(within(region).getByRole('radio', { name: /^My partner Your partner/ })).toHaveProperty('checked', true);
  });

  it('keeps the saved choice and says so calmly when the change fails', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/sharing': () => ({
        status: 200,
        body: { settings: [{ kind: 'support-preferences', audience: 'private', updatedAt: null }] },
      }),
      'PUT /api/me/sharing/:kind': () => problem(503, 'service-busy', 'Twofold is busy.'),
    });
    const user = userEvent.setup();
    renderApp('/sharing');
    const region = await screen.findByRole('region', { name: 'What helps me' });
    await user.click(within(region).getByRole('radio', { name: /^My partner and my care team/ }));
    expect(await within(region).findByRole('alert')).toHaveProperty('textContent', 'Twofold is busy. Please try again in a moment.');
    expect(within(region).getByRole('radio', { name: /^Only me/ })).toHaveProperty('checked', true);
  });
});
