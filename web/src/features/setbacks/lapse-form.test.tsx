import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alexMe, ids, mockServer } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';
import { triggers } from '../../test/recovery-fixtures';

const lapseId = '99999999-9999-4999-8999-999999999999';

function lapseFrom(body: Record<string, unknown>) {
  return {
    id: lapseId,
    ownerId: ids.alex,
    date: body['date'],
    time: body['time'],
    timeZone: 'America/Chicago',
    substances: body['substances'],
    whatHappened: body['whatHappened'],
    triggers: [],
    warningSigns: body['warningSigns'],
    whatIDidAfter: body['whatIDidAfter'],
    told: { partner: body['tellPartner'], careTeam: body['tellCareTeam'] },
    reflection: null,
    reflectionDue: false,
    createdAt: '2026-11-25T20:00:00.000Z',
    can: { edit: true },
  };
}

describe('the lapse report form', () => {
  it('is private unless I choose, asks what I used, and then opens blame-free next steps when there is no plan', async () => {
    let saved: Record<string, unknown> | null = null;
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/triggers': () => ({ status: 200, body: triggers }),
      'GET /api/me/struggling': () => ({ status: 200, body: { plan: null, partner: { id: ids.blake, name: 'Blake' } } }),
      'POST /api/me/lapses': (request) => {
        saved = request.body as Record<string, unknown>;
        return { status: 201, body: lapseFrom(saved) };
      },
      'GET /api/me/lapses/:id': () => ({ status: 200, body: lapseFrom(saved ?? {}) }),
    });
    const user = userEvent.setup();
    renderApp('/me/lapse');
    await screen.findByRole('heading', { level: 1, name: 'Lapse report' });
    const form = await screen.findByRole('region', { name: 'Your report' });
    expect((within(form).getByRole('checkbox', { name: 'Tell Blake' }) as HTMLInputElement).checked).toBe(false);
    expect((within(form).getByRole('checkbox', { name: 'Tell my care team' }) as HTMLInputElement).checked).toBe(false);

    // Nothing is sent until what I used is named.
    await user.click(within(form).getByRole('button', { name: 'Save my report' }));
    expect(await within(form).findByText('Choose at least one.')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await user.click(within(form).getByRole('checkbox', { name: 'Alcohol' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Stress' }));
    await user.type(within(form).getByLabelText('What happened'), 'A drink after work');
    await user.type(within(form).getByLabelText('Warning signs you noticed'), 'Skipped lunch{enter}Tired');
    await user.click(within(form).getByRole('button', { name: 'Save my report' }));

    await screen.findByRole('heading', { level: 1, name: 'What helps now' });
    expect(saved).toMatchObject({
      substances: ['alcohol'],
      triggerIds: [triggers.triggers[0]!.id],
      whatHappened: 'A drink after work',
      warningSigns: ['Skipped lunch', 'Tired'],
      tellPartner: false,
      tellCareTeam: false,
    });
    expect(screen.getByRole('heading', { name: 'Steps that help many people' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'The first hour' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Craving now: walk me through it' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\b(fail|failed|failure|relapsed|weak)\b/i);
  });
});
