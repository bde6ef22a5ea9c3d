import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { alexMe, mockServer, alexAndBlake as couple } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';
import { changeLocale } from '../../lib/i18n';

const latest = {
  id: '00000000-0000-4000-8000-0000000000a1',
  weekStart: '2026-12-07',
  weekEnd: '2026-12-13',
  createdAt: '2026-12-14T12:00:00.000Z',
  mine: {
    checkinDays: 5,
    soberDays: 4,
    highConflictDays: 2,
    mood: { thisWeek: 4, previousWeek: 3 },
    craving: { thisWeek: 5, previousWeek: 2 },
    coping: [{ tool: 'breathing', times: 2, helped: 1 }],
  },
  couple: {
    trustDiscussion: { daysDone: 3, daysCounted: 7, streak: 0 },
    appreciations: { fromMe: 1, toMe: 2 },
    activities: { done: 1, planned: 1 },
  },
  insight: {
    id: 'conflict-next-day-craving',
    windowDays: 90,
    fit: {
      status: 'ok',
      days: 58,
      actor: { estimate: 1.6, standardError: 0.4, lower: 0.7, upper: 2.5, p: 0.01, partialR: 0.3 },
      partner: null,
      confidence: 0.95,
    },
  },
  suggestion: { kind: 'communication-skill', id: 'i-statements', reason: 'high-conflict-week' },
  coupleHidden: false,
  insightHidden: false,
};
const previous = {
  ...latest,
  id: '00000000-0000-4000-8000-0000000000a2',
  weekStart: '2026-11-30',
  weekEnd: '2026-12-06',
  couple: null,
  coupleHidden: true,
  insight: null,
  insightHidden: true,
  suggestion: { kind: 'coping-tool', id: 'grounding', reason: 'helped-before' },
};

describe('my week', () => {
  it('shows my week, our week, one pattern and one thing to try, and the week before on request', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/couple': () => ({ status: 200, body: couple }),
      'GET /api/me/weekly-summaries': () => ({ status: 200, body: { latest, previous } }),
    });
    renderApp('/me/week');
    const mine = await screen.findByRole('region', { name: 'Your week' });
    expect(mine.textContent).toContain('You checked in on 5 days of 7.');
    expect(mine.textContent).toContain('4 of those 5 days without use.');
    expect(mine.textContent).toContain('Craving averaged 5.0 out of 10 (the week before: 2.0).');
    expect(mine.textContent).toContain('Paced breathing: used 2 times, it helped 1 of them.');
    const together = screen.getByRole('region', { name: 'Your week together' });
    expect(together.textContent).toContain('Trust Discussion done on 3 days of 7.');
    expect(together.textContent).toContain('Blake told you 2 appreciations.');
    const pattern = screen.getByRole('region', { name: 'One pattern from your days' });
    expect(pattern.textContent).toContain('From your last 90 days of check-ins, this stood out:');
    expect(within(pattern).getByRole('article', { name: 'Conflict and craving the next day' })).toBeTruthy();
    const suggestion = screen.getByRole('region', { name: 'Something to try this week' });
    expect(suggestion.textContent).toContain('Some days this week felt tense.');
    expect(suggestion.textContent).toContain('"I" statements');

    fireEvent.click(screen.getByRole('button', { name: 'Show the week before' }));
    const before = await screen.findByRole('region', { name: 'The week before' });
    expect(before.textContent).toContain('The part about the two of you is no longer shown here.');
    expect(before.textContent).toContain('used Blake’s days, which are no longer shared with you');
    expect(before.textContent).toContain('Grounding 5-4-3-2-1');
  });

  it('says when the first summary comes, in Spanish too', async () => {
    await changeLocale('es', { remember: false });
    mockServer({
      'GET /api/me': () => ({ status: 200, body: { ...alexMe, user: { ...alexMe.user, locale: 'es' } } }),
      'GET /api/couple': () => ({ status: 200, body: couple }),
      'GET /api/me/weekly-summaries': () => ({ status: 200, body: { latest: null, previous: null } }),
    });
    renderApp('/me/week');
    expect(await screen.findByText(/Tu primer resumen semanal llega el lunes por la mañana/)).toBeTruthy();
    await changeLocale('en', { remember: false });
  });
});
