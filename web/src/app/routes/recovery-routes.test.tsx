import { describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alexMe, ids, mockServer } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

const runId = '99999999-9999-4999-8999-999999999999';

describe('craving now', () => {
  it('rates the urge, walks through grounding step by step, rates again and logs the run', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'POST /api/me/coping-runs': (request) => ({ status: 201, body: { id: runId, urgeDuring: [], ...(request.body as object) } }),
      'GET /api/me/coping-runs': () => ({ status: 200, body: { ownerId: ids.alex, runs: [], byTool: [] } }),
    });
    const user = userEvent.setup();
    renderApp('/me/craving-now');
    const urge = await screen.findByRole('group', { name: 'Urge right now' });
    const next = screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    await user.click(within(urge).getByRole('radio', { name: '7' }));
    await user.click(next);
    await user.click(await screen.findByRole('button', { name: /^Grounding 5-4-3-2-1/ }));
    expect(await screen.findByText('things you can see')).toBeTruthy();
    for (const sense of ['things you can touch', 'things you can hear', 'things you can smell', 'thing you can taste']) {
      await user.click(screen.getByRole('button', { name: 'Next' }));
      expect(await screen.findByText(sense)).toBeTruthy();
    }
    await user.click(screen.getByRole('button', { name: 'Finished' }));
    const again = await screen.findByRole('heading', { name: 'How strong is the urge now?' });
    await waitFor(() => expect(document.activeElement).toBe(again));
    await user.click(within(screen.getByRole('group', { name: 'Urge right now' })).getByRole('radio', { name: '3' }));
    await user.click(screen.getByRole('button', { name: 'Save and finish' }));
    expect(await screen.findByText('Your urge went from 7 to 3. This run is saved.')).toBeTruthy();
    const post = requests.find((request) => request.method === 'POST' && request.path === '/api/me/coping-runs');
    expect(post?.headers['x-csrf-token']).toBe('csrf-test-token');
    expect(post?.body).toMatchObject({ tool: 'grounding', urgeBefore: 7, urgeAfter: 3, urgeDuring: [] });
    expect(typeof (post?.body as { durationSeconds: unknown }).durationSeconds).toBe('number');
    expect(Number.isNaN(Date.parse((post?.body as { startedAt: string }).startedAt))).toBe(false);
  });

  it('can be left without a final rating, which is logged as such', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'POST /api/me/coping-runs': (request) => ({ status: 201, body: { id: runId, ...(request.body as object) } }),
    });
    const user = userEvent.setup();
    renderApp('/me/craving-now?tool=tape-forward');
    await user.click(within(await screen.findByRole('group', { name: 'Urge right now' })).getByRole('radio', { name: '5' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('What could you do in the next ten minutes instead?')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Finished' }));
    await user.click(await screen.findByRole('button', { name: 'Finish without rating' }));
    expect(await screen.findByText('This run is saved.')).toBeTruthy();
    expect(requests.find((request) => request.method === 'POST')?.body).toMatchObject({
      tool: 'tape-forward',
      urgeBefore: 5,
      urgeAfter: null,
    });
  });
});

describe('urge surfing', () => {
  it('asks for a rating about every 30 seconds and logs the rise and fall', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { requests } = mockServer({
        'GET /api/me': () => ({ status: 200, body: alexMe }),
        'POST /api/me/coping-runs': (request) => ({ status: 201, body: { id: runId, ...(request.body as object) } }),
      });
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      renderApp('/me/craving-now?tool=urge-surfing');
      await user.click(within(await screen.findByRole('group', { name: 'Urge right now' })).getByRole('radio', { name: '6' }));
      await user.click(screen.getByRole('button', { name: 'Next' }));
      expect(await screen.findByText(/Notice where you feel the urge/)).toBeTruthy();
      expect(screen.queryByRole('group', { name: 'How strong is the urge now?' })).toBeNull();
      for (const rating of ['8', '5']) {
        await act(async () => {
          vi.advanceTimersByTime(30_000);
        });
        const ask = await screen.findByRole('group', { name: 'How strong is the urge now?' });
        await user.click(within(ask).getByRole('radio', { name: rating }));
      }
      expect(screen.getByText('Your ratings so far: 8 → 5')).toBeTruthy();
      await user.click(screen.getByRole('button', { name: 'I’m done' }));
      await user.click(within(await screen.findByRole('group', { name: 'Urge right now' })).getByRole('radio', { name: '3' }));
      await user.click(screen.getByRole('button', { name: 'Save and finish' }));
      expect(await screen.findByText('Your urge went from 6 to 3. This run is saved.')).toBeTruthy();
      const body = requests.find((request) => request.method === 'POST')?.body as { urgeDuring: number[]; durationSeconds: number };
      expect(body).toMatchObject({ tool: 'urge-surfing', urgeBefore: 6, urgeAfter: 3, urgeDuring: [8, 5] });
      expect(body.durationSeconds).toBeGreaterThanOrEqual(60);
    } finally {
      vi.useRealTimers();
    }
  });
});

const entries = [
  {
    id: '12121212-1212-4121-8121-121212121212',
    title: 'Sunday',
    body: 'A long walk by the river.',
    createdAt: '2026-11-22T18:00:00.000Z',
    updatedAt: '2026-11-22T18:00:00.000Z',
    sharedWithCareTeam: false,
    can: { edit: true },
  },
  {
    id: '13131313-1313-4131-8131-131313131313',
    title: 'Monday',
    body: 'Hard day at work.',
    createdAt: '2026-11-23T18:00:00.000Z',
    updatedAt: '2026-11-23T18:00:00.000Z',
    sharedWithCareTeam: false,
    can: { edit: true },
  },
];

describe('journal', () => {
  it('searches my entries on the server and says how many were found', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/journal': (request) => {
        const q = new URLSearchParams(request.search).get('q')?.toLowerCase() ?? '';
        return { status: 200, body: { entries: entries.filter((entry) => `${entry.title} ${entry.body}`.toLowerCase().includes(q)) } };
      },
    });
    const user = userEvent.setup();
    renderApp('/me/journal');
    expect(await screen.findByText('Hard day at work.')).toBeTruthy();
    expect(screen.getByText(/never shared with your partner/)).toBeTruthy();
    await user.type(screen.getByRole('searchbox', { name: 'Search my journal' }), 'walk');
    expect(await screen.findByText('1 entry found for “walk”.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Hard day at work.')).toBeNull());
    expect(screen.getByText('A long walk by the river.')).toBeTruthy();
    expect(requests.filter((request) => request.path === '/api/me/journal').at(-1)?.search).toBe('?q=walk');
  });

  it('shares a single entry with the care team, and deletes one only after confirming', async () => {
    let list = [...entries];
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/journal': () => ({ status: 200, body: { entries: list } }),
      'PUT /api/me/journal/:id/sharing': (request, params) => {
        list = list.map((entry) => (entry.id === params['id'] ? { ...entry, ...(request.body as object) } : entry));
        return { status: 200, body: list.find((entry) => entry.id === params['id']) };
      },
      'DELETE /api/me/journal/:id': (_request, params) => {
        list = list.filter((entry) => entry.id !== params['id']);
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderApp('/me/journal');
    const sunday = (await screen.findByRole('heading', { name: 'Sunday' })).closest('li')!;
    await user.click(within(sunday).getByRole('button', { name: 'Share with my care team' }));
    expect(await within(sunday).findByText(/Shared with your care team/)).toBeTruthy();
    expect(requests.find((request) => request.method === 'PUT')?.body).toEqual({ sharedWithCareTeam: true });

    await user.click(screen.getByRole('button', { name: 'Delete “Monday”' }));
    expect(requests.some((request) => request.method === 'DELETE')).toBe(false);
    await user.click(await screen.findByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Monday' })).toBeNull());
    expect(requests.find((request) => request.method === 'DELETE')?.path).toBe(`/api/me/journal/${entries[1]!.id}`);
  });
});

describe('intake', () => {
  it('a supporting partner answers no: no substances or start date are sent, and the counters are explained', async () => {
    const blank = {
      ownerId: ids.alex,
      inRecovery: false,
      substances: [],
      otherSubstance: '',
      recoveryStartDate: null,
      supportNote: '',
      updatedAt: null,
      can: { edit: true },
    };
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/intake': () => ({ status: 200, body: blank }),
      'PUT /api/me/intake': (request) => ({
        status: 200,
        body: { ...blank, ...(request.body as object), updatedAt: '2026-11-25T10:00:00.000Z' },
      }),
      'GET /api/me/reflection': () => ({
        status: 200,
        body: {
          ownerId: ids.alex,
          patterns: { 'shared-use': null, enabling: null, 'caretaker-dependent': null, 'avoiding-conflict': null },
          note: '',
          updatedAt: null,
          can: { edit: true },
        },
      }),
    });
    const user = userEvent.setup();
    renderApp('/me/intake');
    const question = await screen.findByRole('group', { name: 'Are you in recovery yourself?' });
    await user.click(screen.getByRole('button', { name: 'Save intake' }));
    expect(await within(question).findByText('Please choose an answer.')).toBeTruthy();
    await user.click(within(question).getByRole('radio', { name: 'Yes, I am' }));
    await user.click(
      within(screen.getByRole('group', { name: 'What is your recovery about?' })).getByRole('checkbox', { name: /Alcohol/ }),
    );
    await user.click(within(question).getByRole('radio', { name: 'No, I am supporting my partner' }));
    expect(screen.getByText(/The sober-day counters are for the partner in recovery/)).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'What is your recovery about?' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save intake' }));
    expect(await screen.findByRole('link', { name: 'Go to today’s check-in' })).toBeTruthy();
    expect(requests.find((request) => request.method === 'PUT')?.body).toEqual({
      inRecovery: false,
      substances: [],
      otherSubstance: '',
      recoveryStartDate: null,
      supportNote: '',
    });
    // Each pattern is explained without blame.
    expect(screen.getByText(/making excuses, paying, or fixing what use caused/)).toBeTruthy();
  });
});
