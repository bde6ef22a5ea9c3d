import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { alexMe, ids, mockServer, problem, alexAndBlake as couple } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

const estimate = (value: number, lower: number, upper: number) => ({
  estimate: value,
  standardError: 0.4,
  lower,
  upper,
  p: 0.01,
  partialR: 0.3,
});

const chart = Array.from({ length: 60 }, (_, i) => ({
  date: new Date(Date.UTC(2026, 9, 2 + i)).toISOString().slice(0, 10),
  craving: i % 7 === 0 ? null : 2 + (i % 3),
  conflict: i % 7 === 0 ? null : i % 5 === 0 ? 'high' : 'none',
  partnerConflict: i % 4 === 0 ? 'high' : 'some',
}));

const mine = {
  subjectId: ids.alex,
  from: '2025-12-01',
  to: '2026-11-30',
  partnerIncluded: true,
  insights: [
    {
      id: 'conflict-next-day-craving',
      fit: { status: 'ok', days: 58, actor: estimate(1.6, 0.7, 2.5), partner: estimate(0.2, -0.5, 0.9), confidence: 0.95 },
    },
    { id: 'stress-next-day-craving', fit: { status: 'not-enough-events', days: 58, variable: 'partner', events: 4, needed: 10 } },
    { id: 'closeness-same-day-mood', fit: { status: 'not-enough-days', days: 9, needed: 14 } },
  ],
  chart,
};

describe('insights page', () => {
  it('says in plain words what went with what, how sure it is and from how many days, and draws both partners on one axis', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/couple': () => ({ status: 200, body: couple }),
      'GET /api/me/insights': () => ({ status: 200, body: mine }),
      'GET /api/people/:partnerId/insights': () => problem(404, 'not-found', 'Nothing to show here.'),
    });
    renderApp('/me/insights');
    const section = await screen.findByRole('region', { name: 'For you' });
    const conflict = await within(section).findByRole('article', { name: 'Conflict and craving the next day' });
    expect(conflict.textContent).toContain(
      'The day after a day you called high-conflict, your craving was about 1.6 points higher on average.',
    );
    expect(conflict.textContent).toContain('(95% interval: +0.7 to +2.5 points.)');
    // The interval includes zero: no claim either way.
    expect(conflict.textContent).toContain(
      'The day after a day Blake called high-conflict, your craving was not clearly different so far.',
    );
    expect(conflict.textContent).toContain('From 58 days.');
    expect(within(section).getByRole('article', { name: 'Closeness and mood' }).textContent).toContain(
      'Not enough days yet: 9 of the 14 days this needs.',
    );
    expect(within(section).getByRole('article', { name: 'Stress and craving the next day' }).textContent).toContain(
      'Not enough days of each kind to compare yet (4 of 10).',
    );
    const figure = within(section).getByRole('img');
    expect(figure.getAttribute('aria-label')).toBe(
      'Your craving over the last 60 days (51 days checked in), and the 10 days you called high-conflict. Blake called 15 of those days high-conflict.',
    );
    expect(within(section).getByText('A day Blake called high-conflict')).toBeTruthy();
    expect(await screen.findByText('Blake does not share their insights with you. That is their choice to make.')).toBeTruthy();
  });

  it('shows the partner’s insights in their name when they share them, without their chart row when my days are not included', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/couple': () => ({ status: 200, body: couple }),
      'GET /api/me/insights': () => ({ status: 200, body: { ...mine, partnerIncluded: false } }),
      'GET /api/people/:partnerId/insights': () => ({
        status: 200,
        body: {
          ...mine,
          subjectId: ids.blake,
          partnerIncluded: false,
          insights: [
            {
              id: 'closeness-same-day-mood',
              fit: { status: 'ok', days: 40, actor: estimate(-0.8, -1.2, -0.4), partner: null, confidence: 0.95 },
            },
          ],
        },
      }),
    });
    renderApp('/me/insights');
    const section = await screen.findByRole('region', { name: 'For Blake' });
    const card = await within(section).findByRole('article', { name: 'Closeness and mood' });
    expect(card.textContent).toContain('On days Blake felt one point closer, Blake’s mood that day was about 0.8 points lower on average.');
    expect(card.textContent).toContain('Without Alex’s days');
    expect(within(section).queryByText('A day Alex called high-conflict')).toBeNull();
  });
});
