import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { alexMe, ids, mockServer, problem } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

const clinicianMe = { ...alexMe, coupleId: null, staff: [{ programId: ids.program, programName: 'Riverside', role: 'clinician' }] };
const caseload = {
  couples: [
    {
      coupleId: ids.couple,
      partners: [
        { id: ids.alex, displayName: 'Alex', enrollment: 'accepted' },
        { id: ids.blake, displayName: 'Blake', enrollment: 'accepted' },
      ],
    },
  ],
};
const chart = Array.from({ length: 60 }, (_, i) => ({
  date: new Date(Date.UTC(2026, 9, 2 + i)).toISOString().slice(0, 10),
  craving: 2 + (i % 3),
  conflict: i % 5 === 0 ? 'high' : 'none',
  partnerConflict: null,
}));
const shared = {
  subjectId: ids.alex,
  from: '2025-12-01',
  to: '2026-11-30',
  partnerIncluded: false,
  insights: [
    {
      id: 'conflict-next-day-craving',
      fit: {
        status: 'ok',
        days: 58,
        actor: { estimate: 1.6, standardError: 0.4, lower: 0.7, upper: 2.5, p: 0.01, partialR: 0.3 },
        partner: null,
        confidence: 0.95,
      },
    },
  ],
  chart,
};

describe('a person’s insights for their clinician', () => {
  it('shows what the person shares with the care team, in their name, on one time axis', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: clinicianMe }),
      'GET /api/programs/:id/caseload': () => ({ status: 200, body: caseload }),
      'GET /api/people/:partnerId/insights': () => ({ status: 200, body: shared }),
    });
    renderApp(`/programs/${ids.program}/people/${ids.alex}/insights`);
    const section = await screen.findByRole('region', { name: 'From Alex’s check-ins' });
    const card = within(section).getByRole('article', { name: 'Conflict and craving the next day' });
    expect(card.textContent).toContain(
      'The day after a day Alex called high-conflict, Alex’s craving was about 1.6 points higher on average.',
    );
    expect(card.textContent).toContain('Without Blake’s days');
    expect(within(section).getByRole('img').getAttribute('aria-label')).toContain('Alex’s craving over the last 60 days');
  });

  it('says plainly when the person does not share them', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: clinicianMe }),
      'GET /api/programs/:id/caseload': () => ({ status: 200, body: caseload }),
      'GET /api/people/:partnerId/insights': () => problem(404, 'not-found', 'Nothing to show here.'),
    });
    renderApp(`/programs/${ids.program}/people/${ids.blake}/insights`);
    expect(await screen.findByText('Blake does not share their insights with the care team. That is their choice to make.')).toBeTruthy();
  });
});
