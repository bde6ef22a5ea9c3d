import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alexMe, ids, mockServer } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

const empty = { ownerId: ids.alex, helps: '', doesNotHelp: '', updatedAt: null, can: { edit: true } };

describe('me page', () => {
  it('saves my support preferences with a PUT and says who sees them now', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/sharing': () => ({
        status: 200,
        body: { settings: [{ kind: 'support-preferences', audience: 'partner', updatedAt: '2026-11-24T09:00:00.000Z' }] },
      }),
      'GET /api/me/support-preferences': () => ({ status: 200, body: empty }),
      'PUT /api/me/support-preferences': (request) => ({
        status: 200,
        body: { ...empty, ...(request.body as object), updatedAt: '2026-11-25T09:00:00.000Z' },
      }),
    });
    const user = userEvent.setup();
    renderApp('/me');
    const section = await screen.findByRole('region', { name: 'What helps me' });
    expect(await within(section).findByText(/Right now this is shared with: your partner\./)).toBeTruthy();
    await user.type(within(section).getByLabelText('What helps me'), 'A short walk together.');
    await user.type(within(section).getByLabelText('What does not help me'), 'Being asked again and again.');
    await user.click(within(section).getByRole('button', { name: 'Save' }));
    expect(await within(section).findByText('Saved.')).toBeTruthy();
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.body).toEqual({ helps: 'A short walk together.', doesNotHelp: 'Being asked again and again.' });
  });

  it('changes my name and language with a PATCH and switches the app language', async () => {
    let me = alexMe;
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: me }),
      'GET /api/me/sharing': () => ({ status: 200, body: { settings: [] } }),
      'GET /api/me/support-preferences': () => ({ status: 200, body: empty }),
      'PATCH /api/me': (request) => {
        me = { ...me, user: { ...me.user, ...(request.body as object) } };
        return { status: 200, body: me };
      },
    });
    const user = userEvent.setup();
    renderApp('/me');
    const profile = await screen.findByRole('region', { name: 'Profile' });
    const name = within(profile).getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Alex R.');
    await user.selectOptions(within(profile).getByLabelText('Language'), 'es');
    await user.click(within(profile).getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Salida rápida' })).toBeTruthy());
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      displayName: 'Alex R.',
      locale: 'es',
      timeZone: 'America/Chicago',
    });
    expect(document.documentElement.lang).toBe('es');
  });
});
