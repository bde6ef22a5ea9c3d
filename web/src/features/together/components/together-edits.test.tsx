import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alexMe, ids, mockServer } from '../../../test/mock-server';
import { renderApp } from '../../../test/render-app';

const couple = {
  id: ids.couple,
  createdAt: '2026-11-20T09:00:00.000Z',
  partners: [
    { id: ids.alex, displayName: 'Alex', isMe: true, joinedAt: '2026-11-20T09:00:00.000Z' },
    { id: ids.blake, displayName: 'Blake', isMe: false, joinedAt: '2026-11-21T09:00:00.000Z' },
  ],
  pendingInvite: null,
  programs: [],
  notices: [],
  can: { invite: false, leave: true },
};
const noPause = { pause: null, settings: { coolDownMinutes: 20, proposal: null }, serverNow: '2026-11-25T10:00:00.000Z' };

function base(extra: Record<string, Parameters<typeof mockServer>[0][string]>) {
  return mockServer({
    'GET /api/me': () => ({ status: 200, body: alexMe }),
    'GET /api/couple': () => ({ status: 200, body: couple }),
    'GET /api/couple/joint-features': () => ({ status: 200, body: { status: 'open' } }),
    'GET /api/me/safety-screen': () => ({ status: 200, body: { status: 'answered' } }),
    'GET /api/couple/pause': () => ({ status: 200, body: noPause }),
    ...extra,
  });
}

const goalId = '88888888-8888-4888-8888-888888888888';
const goal = (createdBy: string, milestones: Array<{ id: string; title: string; addedBy: string | null }>) => ({
  id: goalId,
  createdBy,
  title: 'A weekend away',
  targetDate: null,
  milestones: milestones.map((m) => ({ ...m, doneAt: null, doneBy: null })),
  reachedAt: null,
  createdAt: '2026-11-24T19:00:00.000Z',
  can: { edit: createdBy === ids.alex, addMilestone: true },
});

describe('together: guide', () => {
  it('shows the examples the server chose, in my language, with why each was chosen and where the distinction comes from', async () => {
    base({
      'GET /api/couple/enabling-guide': () => ({
        status: 200,
        body: {
          examples: [
            { situation: 'shared-use', personal: true, reasons: [{ source: 'partner-reflection', detail: 'shared-use' }] },
            { situation: 'social-events', personal: true, reasons: [{ source: 'our-boundaries', detail: null }] },
            { situation: 'medication', personal: true, reasons: [{ source: 'my-intake', detail: 'opioids' }] },
            { situation: 'money', personal: false, reasons: [] },
          ],
        },
      }),
    });
    renderApp('/us/guide');
    expect(await screen.findByRole('heading', { name: 'Using together', level: 3 })).toBeTruthy();
    expect(screen.getByText(/the reflection Blake shares with you \(using together\)/)).toBeTruthy();
    expect(screen.getByText('Chosen because of your boundaries.')).toBeTruthy();
    expect(screen.getByText(/your intake \(Opioids\)/)).toBeTruthy();
    expect(screen.getByText(/A general example/)).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Using together',
      'Parties and gatherings',
      'Medication',
      'Money',
    ]);
    expect(screen.getByText(/Smith, J. E., & Meyers, R. J. \(2004\)/)).toBeTruthy();
    expect(screen.getByText(/O'Farrell, T. J., & Fals-Stewart, W. \(2006\)/)).toBeTruthy();
  });
});

describe('together: shared goals', () => {
  it('lets me add a milestone to any goal, and change or delete only a goal I wrote, after a second tap', async () => {
    let milestones: Array<{ id: string; title: string; addedBy: string | null }> = [
      { id: '99999999-9999-4999-8999-999999999991', title: 'Save $300', addedBy: null },
    ];
    let deleted = false;
    const { requests } = base({
      'GET /api/couple/goals': () => ({ status: 200, body: { goals: deleted ? [] : [goal(ids.alex, milestones)] } }),
      'GET /api/couple/celebrations': () => ({ status: 200, body: { celebrations: [] } }),
      'GET /api/couple/activities': () => ({ status: 200, body: { activities: [] } }),
      'POST /api/couple/goals/:id/milestones': () => {
        milestones = [...milestones, { id: '99999999-9999-4999-8999-999999999992', title: 'Book the cabin', addedBy: ids.alex }];
        return { status: 201, body: goal(ids.alex, milestones) };
      },
      'DELETE /api/couple/goals/:id': () => {
        deleted = true;
        return { status: 204, body: null };
      },
    });
    renderApp('/us/future');
    const form = await screen.findByRole('form', { name: 'Add a milestone to “A weekend away”' });
    await userEvent.type(within(form).getByLabelText('A new milestone'), 'Book the cabin');
    await userEvent.click(within(form).getByRole('button', { name: 'Add the milestone' }));
    expect(await screen.findByLabelText('Book the cabin')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Delete “A weekend away”' }));
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByText('No shared goals yet.')).toBeTruthy();
    expect(requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /api/couple/goals/${goalId}/milestones`,
      `DELETE /api/couple/goals/${goalId}`,
    ]);
  });

  it('offers no change or delete on my partner’s goal', async () => {
    base({
      'GET /api/couple/goals': () => ({ status: 200, body: { goals: [goal(ids.blake, [])] } }),
      'GET /api/couple/celebrations': () => ({ status: 200, body: { celebrations: [] } }),
      'GET /api/couple/activities': () => ({ status: 200, body: { activities: [] } }),
    });
    renderApp('/us/future');
    expect(await screen.findByText(/written by Blake/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete “A weekend away”' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Change “A weekend away”' })).toBeNull();
    expect(screen.getByRole('form', { name: 'Add a milestone to “A weekend away”' })).toBeTruthy();
  });
});

describe('together: boundaries', () => {
  it('asks us to look at a boundary again once its review date has come', async () => {
    const boundary = (id: string, reviewDate: string | null, text: string) => ({
      id,
      authorId: ids.blake,
      kind: 'need',
      text,
      reviewDate,
      response: 'acknowledged',
      respondedAt: '2026-11-01T10:00:00.000Z',
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-01T10:00:00.000Z',
      can: { edit: false, respond: true },
    });
    base({
      'GET /api/couple/commitments': () => ({ status: 200, body: { commitments: [], followThrough: [] } }),
      'GET /api/couple/appreciations': () => ({ status: 200, body: { appreciations: [] } }),
      'GET /api/couple/boundaries': () => ({
        status: 200,
        body: {
          boundaries: [
            boundary('99999999-9999-4999-8999-999999999993', '2026-01-15', 'I need a quiet hour after work'),
            boundary('99999999-9999-4999-8999-999999999994', '2099-01-15', 'I need us to keep no alcohol at home'),
          ],
        },
      }),
    });
    renderApp('/us/accountability');
    const due = (await screen.findByText('I need a quiet hour after work')).closest('li')!;
    expect(within(due).getByText('Time to look at this boundary again together: does it still fit?')).toBeTruthy();
    const later = screen.getByText('I need us to keep no alcohol at home').closest('li')!;
    expect(within(later).queryByText(/Time to look at this boundary again/)).toBeNull();
  });
});

describe('together: ticking a milestone', () => {
  it('follows the tap at once, and puts the box back when the server refuses', async () => {
    const milestoneId = '99999999-9999-4999-8999-999999999995';
    base({
      'GET /api/couple/goals': () => ({
        status: 200,
        body: { goals: [goal(ids.blake, [{ id: milestoneId, title: 'Save $300', addedBy: null }])] },
      }),
      'GET /api/couple/celebrations': () => ({ status: 200, body: { celebrations: [] } }),
      'GET /api/couple/activities': () => ({ status: 200, body: { activities: [] } }),
      'PUT /api/couple/goals/:id/milestones/:milestoneId/done': () => ({
        status: 409,
        body: { type: 'about:blank', title: 'Joint features are closed.', status: 409, code: 'joint-features-closed' },
      }),
    });
    renderApp('/us/future');
    const box = await screen.findByRole('checkbox', { name: 'Save $300' });
    expect((box as HTMLInputElement).checked).toBe(false);
    await userEvent.click(box);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Save $300' }) as HTMLInputElement).checked).toBe(false);
  });
});
