import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alexMe, ids, mockServer } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

const clinicianMe = {
  ...alexMe,
  user: { ...alexMe.user, displayName: 'Dr. Casey' },
  coupleId: null,
  staff: [{ programId: ids.program, programName: 'Riverside', role: 'clinician' }],
};
const program = {
  id: ids.program,
  name: 'Riverside',
  createdAt: '2026-11-20T09:00:00.000Z',
  staff: [],
  counts: { clinicians: 1, enrolledPartners: 2 },
  myRole: 'clinician',
  can: { inviteClinician: false, inviteCouple: true, viewCaseload: true },
};
const cravingFlag = {
  kind: 'rising-craving',
  personId: ids.alex,
  severity: 'attention',
  since: '2026-11-12',
  facts: { kind: 'rising-craving', slopePerDay: 0.4, recentMean: 6.2, previousMean: 3.1, checkins: 10, windowDays: 14 },
  isDimmed: false,
  acknowledgement: null,
};
const partners = [
  { id: ids.alex, displayName: 'Alex', enrollment: 'accepted', lastActivity: '2026-11-21' },
  { id: ids.blake, displayName: 'Blake', enrollment: 'accepted', lastActivity: null },
];

describe('caseload flags', () => {
  it('explains each flag with its numbers, sorts on the server and acknowledges a flag with a note', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: clinicianMe }),
      'GET /api/programs/:id': () => ({ status: 200, body: program }),
      'GET /api/programs/:id/alerts': () => ({ status: 200, body: { alerts: [] } }),
      'GET /api/programs/:id/caseload': () => ({ status: 200, body: { couples: [] } }),
      'GET /api/programs/:id/caseload/flags': (request) => ({
        status: 200,
        body: {
          sort: new URLSearchParams(request.search).get('sort'),
          couples: [{ coupleId: ids.couple, partners, flags: [cravingFlag], lastActivity: '2026-11-21' }],
        },
      }),
      'POST /api/programs/:id/caseload/acknowledgements': (request) => ({
        status: 201,
        body: {
          ...cravingFlag,
          isDimmed: true,
          acknowledgement: { at: '2026-11-25T10:00:00.000Z', byName: 'Dr. Casey', note: (request.body as { note: string }).note },
        },
      }),
    });
    const user = userEvent.setup();
    renderApp(`/programs/${ids.program}`);
    const flags = await screen.findByRole('list', { name: 'Flags for Alex & Blake' });
    expect(
      within(flags).getByText(/Craving rose by 0.4 points a day over the last 14 days \(average 6.2 of 10, 10 check-ins\)/),
    ).toBeTruthy();
    expect(within(flags).getByText('Average in the 14 days before: 3.1.', { exact: false })).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Sort by'), 'name');
    expect(requests.some((request) => request.path.endsWith('/caseload/flags') && request.search === '?sort=name')).toBe(true);

    const sorted = await screen.findByRole('list', { name: 'Flags for Alex & Blake' });
    await user.click(within(sorted).getByRole('button', { name: /Acknowledge with a note/ }));
    await user.type(within(sorted).getByLabelText('Note'), 'Called Alex.');
    await user.click(within(sorted).getByRole('button', { name: 'Acknowledge with a note' }));
    const sent = requests.find((request) => request.method === 'POST');
    expect(sent?.body).toEqual({ coupleId: ids.couple, personId: ids.alex, kind: 'rising-craving', note: 'Called Alex.' });
    expect(screen.getByRole('link', { name: 'Open the overview of Alex & Blake' })).toBeTruthy();
  });
});

describe('couple overview', () => {
  it('shows each partner limited to what they share, and the joint work only when both share it', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: clinicianMe }),
      'GET /api/programs/:id/couples/:coupleId/overview': () => ({
        status: 200,
        body: {
          coupleId: ids.couple,
          programId: ids.program,
          from: '2026-11-20',
          to: '2026-11-22',
          partners: [
            {
              ...partners[0],
              shares: { checkins: true, assessments: true, lapses: true },
              checkins: [
                { date: '2026-11-20', craving: 2, mood: 4, used: false },
                { date: '2026-11-21', craving: 6, mood: 2, used: true },
              ],
              assessments: { 'phq-9': [{ date: '2026-11-01', total: 12, band: 'Moderate' }], 'gad-7': [] },
              lapses: [{ date: '2026-11-21', toldAt: '2026-11-21T20:00:00.000Z', substances: ['alcohol'] }],
              flags: [cravingFlag],
            },
            {
              ...partners[1],
              shares: { checkins: false, assessments: false, lapses: true },
              checkins: null,
              assessments: null,
              lapses: [],
              flags: [],
            },
          ],
          together: null,
          homework: [
            {
              id: ids.invite,
              programId: ids.program,
              coupleId: ids.couple,
              kind: 'plan-review',
              target: null,
              dueDate: '2026-11-28',
              instructions: '',
              assignedAt: '2026-11-20T10:00:00.000Z',
              withdrawn: false,
              assignedBy: null,
              assignees: [{ personId: ids.alex, displayName: 'Alex', doneAt: '2026-11-22T10:00:00.000Z', how: 'marked' }],
              can: { withdraw: true },
            },
          ],
        },
      }),
    });
    renderApp(`/programs/${ids.program}/couples/${ids.couple}/overview`);
    const alex = await screen.findByRole('region', { name: 'Alex' });
    expect(within(alex).getByText(/2 check-ins in 3 days. Average craving 4 of 10, mood 3 of 5. Use reported on 1 days./)).toBeTruthy();
    expect(within(alex).getByRole('img', { name: 'Craving and mood of Alex over the period' })).toBeTruthy();
    expect(within(alex).getByRole('list', { name: 'Use calendar' }).querySelectorAll('li')).toHaveLength(3);
    expect(within(alex).getByText('Moderate', { exact: false })).toBeTruthy();
    const blake = screen.getByRole('region', { name: 'Blake' });
    expect(within(blake).getAllByText('Not shared with the care team.')).toHaveLength(2);
    expect(screen.getByText('The joint work shows here only when both partners share it with the care team.')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Homework' })).getByText('Alex: done')).toBeTruthy();
    expect(within(alex).getByRole('link', { name: 'Individual view of Alex' }).getAttribute('href')).toBe(
      `/programs/${ids.program}/couples/${ids.couple}/overview?person=${ids.alex}`,
    );
  });
});
