import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { alexMe, ids, mockServer } from '../../../test/mock-server';
import { renderApp } from '../../../test/render-app';

const url = `/api/programs/${ids.program}/couples/${ids.couple}/together`;
const version = {
  id: '77777777-7777-4777-8777-777777777777',
  version: 2,
  discussionTime: '20:30',
  otherItems: ['No alcohol at home.'],
  keepPastUseInSessions: true,
  parts: [{ partnerId: ids.alex, intention: 'I intend to stay sober today.', medication: 'naltrexone', meetings: 'SMART on Tuesdays' }],
  createdBy: ids.alex,
  createdAt: '2026-11-24T19:00:00.000Z',
  signatures: [],
  signedByBothAt: '2026-11-24T19:05:00.000Z',
};
const work = {
  coupleId: ids.couple,
  programId: ids.program,
  partners: [
    { id: ids.alex, displayName: 'Alex' },
    { id: ids.blake, displayName: 'Blake' },
  ],
  contract: { status: 'in-force', active: version, latest: version },
  trustDiscussion: {
    discussionTime: '20:30',
    start: '2026-11-01',
    from: '2026-10-29',
    to: '2026-11-25',
    days: [],
    counts: { done: 20, partly: 3, missed: 1, pending: 1 },
    streak: { current: 6, best: 12 },
  },
  commitments: {
    commitments: [
      {
        id: '99999999-9999-4999-8999-999999999991',
        authorId: ids.alex,
        text: 'I will go to my Tuesday group',
        dueDate: '2026-12-01',
        outcome: 'kept',
        outcomeAt: null,
        acknowledgedAt: null,
        createdAt: '2026-11-20T10:00:00.000Z',
      },
    ],
    followThrough: [
      { partnerId: ids.alex, kept: 1, missed: 0, open: 0 },
      { partnerId: ids.blake, kept: 0, missed: 0, open: 0 },
    ],
  },
  boundaries: [
    {
      id: '99999999-9999-4999-8999-999999999992',
      authorId: ids.blake,
      kind: 'need',
      text: 'I need us to leave parties by ten',
      reviewDate: null,
      response: 'acknowledged',
      respondedAt: null,
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
    },
  ],
  goals: [],
  activities: [],
};

describe('care team: a couple’s joint work', () => {
  it('shows the contract, Trust Discussion adherence, follow-through and boundaries, read only', async () => {
    mockServer({ 'GET /api/me': () => ({ status: 200, body: alexMe }), [`GET ${url}`]: () => ({ status: 200, body: work }) });
    renderApp(`/programs/${ids.program}/couples/${ids.couple}/together`);
    expect(await screen.findByText('Version 2 is in force, signed by both.')).toBeTruthy();
    expect(screen.getByText(/Alex: “I intend to stay sober today.” · medication: naltrexone/)).toBeTruthy();
    expect(screen.getByText(/20 done, 3 partly, 1 missed, 1 still going on/)).toBeTruthy();
    expect(screen.getByText('Current streak 6 days, best 12 days.')).toBeTruthy();
    const boundaries = screen.getByRole('region', { name: 'Boundaries' });
    expect(within(boundaries).getByText('I need us to leave parties by ten')).toBeTruthy();
    expect(within(boundaries).getByText('Blake · acknowledged by the partner')).toBeTruthy();
    expect(screen.queryAllByRole('button').filter((b) => /Change|Delete|Kept|Acknowledge/.test(b.textContent ?? ''))).toEqual([]);
  });

  it('says plainly when it is not shared (the server answers 404)', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      [`GET ${url}`]: () => ({
        status: 404,
        body: { type: 'about:blank', title: 'Nothing to show here.', status: 404, code: 'not-found' },
      }),
    });
    renderApp(`/programs/${ids.program}/couples/${ids.couple}/together`);
    expect(await screen.findByText(/both partners must share their joint work with the care team/)).toBeTruthy();
  });

  it('says when the Trust Discussion calendar has not started (no contract signed by both yet)', async () => {
    const none = {
      ...work,
      contract: { status: 'none', active: null, latest: null },
      trustDiscussion: { ...work.trustDiscussion, start: null },
    };
    mockServer({ 'GET /api/me': () => ({ status: 200, body: alexMe }), [`GET ${url}`]: () => ({ status: 200, body: none }) });
    renderApp(`/programs/${ids.program}/couples/${ids.couple}/together`);
    expect(await screen.findByText('No contract written yet.')).toBeTruthy();
    expect(screen.getByText('The calendar starts on the day both partners first sign their Recovery Contract.')).toBeTruthy();
    expect(screen.queryByText(/still going on/)).toBeNull();
  });
});
