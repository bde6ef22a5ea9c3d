import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { alexMe, ids, mockServer, problem } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';
import { checkin, emptyIntake, summary, today, triggers } from '../../test/recovery-fixtures';

function routes(put: Parameters<typeof mockServer>[0][string]) {
  return mockServer({
    'GET /api/me': () => ({ status: 200, body: alexMe }),
    'GET /api/me/checkins': () => ({ status: 200, body: { ownerId: ids.alex, today, checkins: [] } }),
    'GET /api/me/intake': () => ({ status: 200, body: emptyIntake }),
    'GET /api/me/triggers': () => ({ status: 200, body: triggers }),
    'GET /api/me/recovery-summary': () => ({ status: 200, body: summary }),
    'PUT /api/me/checkins/:date': put,
  });
}

async function answer(user: UserEvent, legend: string, option: string) {
  await user.click(within(screen.getByRole('group', { name: legend })).getByRole('radio', { name: option }));
}

async function answerTypicalDay(user: UserEvent) {
  await answer(user, 'Mood', 'Good');
  await answer(user, 'Strongest craving today', '3');
  await answer(user, 'Did you use today?', 'No');
  await answer(user, 'Sleep last night', 'Okay');
  await answer(user, 'Stress today', 'Some');
  await answer(user, 'Closeness to my partner today', 'Close');
  await answer(user, 'Conflict with my partner today', 'None');
}

describe('daily check-in', () => {
  it('saves a typical day with one tap per question and then shows the counters', async () => {
    const { requests } = routes((request, params) => ({
      status: 200,
      body: checkin(params['date']!, request.body as Record<string, unknown>),
    }));
    const user = userEvent.setup();
    renderApp('/me/today');
    await screen.findByRole('group', { name: 'Mood' });
    await answerTypicalDay(user);
    await user.click(within(screen.getByRole('group', { name: 'Triggers I met today' })).getByRole('checkbox', { name: /Stress/ }));
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    expect(await screen.findByText('Your check-in is saved.')).toBeTruthy();
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.path).toBe(`/api/me/checkins/${today}`);
    expect(put?.body).toEqual({
      mood: 4,
      craving: 3,
      used: false,
      substancesUsed: [],
      sleep: 3,
      stress: 3,
      closeness: 4,
      conflict: 'none',
      triggerIds: [triggers.triggers[0]!.id],
      note: '',
    });
    expect(await screen.findByText('9 days')).toBeTruthy();
  });

  it('puts a field error from a 400 pointer on that question and moves focus there', async () => {
    routes(() =>
      problem(400, 'validation-failed', 'Some answers need another look.', [{ pointer: '/craving', message: 'Craving is 0 to 10.' }]),
    );
    const user = userEvent.setup();
    renderApp('/me/today');
    await screen.findByRole('group', { name: 'Mood' });
    await answerTypicalDay(user);
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    const craving = screen.getByRole('group', { name: 'Strongest craving today' });
    expect(await within(craving).findByText('Craving is 0 to 10.')).toBeTruthy();
    expect(craving.getAttribute('aria-describedby')).toContain('craving-error');
    await waitFor(() => expect((document.activeElement as HTMLInputElement | null)?.name).toBe('craving'));
    expect(within(screen.getByRole('group', { name: 'Mood' })).queryByText('Craving is 0 to 10.')).toBeNull();
  });

  it('asks what was used on a day with use, and sends nothing until it is chosen', async () => {
    const { requests } = routes((request, params) => ({
      status: 200,
      body: checkin(params['date']!, request.body as Record<string, unknown>),
    }));
    const user = userEvent.setup();
    renderApp('/me/today');
    await screen.findByRole('group', { name: 'Mood' });
    await answerTypicalDay(user);
    await answer(user, 'Did you use today?', 'Yes');
    const what = screen.getByRole('group', { name: 'What did you use?' });
    // Only the substances from my intake are offered.
    expect(
      within(what)
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')?.textContent),
    ).toEqual(['+Alcohol', '+Cannabis']);
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    expect(await within(what).findByText('Choose what you used.')).toBeTruthy();
    expect(requests.some((request) => request.method === 'PUT')).toBe(false);

    await user.click(within(what).getByRole('checkbox', { name: /Alcohol/ }));
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    // A day with use is met with warmth and a way to the coping tools.
    expect(await screen.findByText(/Thank you for being honest/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the coping tools' }).getAttribute('href')).toBe('/me/coping');
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.body).toMatchObject({ used: true, substancesUsed: ['alcohol'] });
  });

  it('adds a trigger that is not on my list yet and ticks it for today', async () => {
    const newId = '90909090-9090-4090-8090-909090909090';
    let list = triggers.triggers;
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/checkins': () => ({ status: 200, body: { ownerId: ids.alex, today, checkins: [] } }),
      'GET /api/me/intake': () => ({ status: 200, body: emptyIntake }),
      'GET /api/me/triggers': () => ({ status: 200, body: { triggers: list } }),
      'POST /api/me/triggers': (request) => {
        const created = { id: newId, label: (request.body as { label: string }).label, timesLogged: 0 };
        list = [...list, created];
        return { status: 201, body: created };
      },
      'GET /api/me/recovery-summary': () => ({ status: 200, body: summary }),
      'PUT /api/me/checkins/:date': (request, params) => ({
        status: 200,
        body: checkin(params['date']!, request.body as Record<string, unknown>),
      }),
    });
    const user = userEvent.setup();
    renderApp('/me/today');
    await screen.findByRole('group', { name: 'Mood' });
    await answerTypicalDay(user);
    await user.click(screen.getByRole('button', { name: '+ Another trigger' }));
    await user.type(screen.getByLabelText('A trigger not on my list'), 'Payday{Enter}');
    const chip = await within(screen.getByRole('group', { name: 'Triggers I met today' })).findByRole('checkbox', { name: /Payday/ });
    expect((chip as HTMLInputElement).checked).toBe(true);
    expect(requests.some((request) => request.method === 'PUT')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    expect(await screen.findByText('Your check-in is saved.')).toBeTruthy();
    expect(requests.find((request) => request.method === 'PUT')?.body).toMatchObject({ triggerIds: [newId] });
  });

  it('keeps unsaved answers in memory through a detour to craving now', async () => {
    routes((request, params) => ({ status: 200, body: checkin(params['date']!, request.body as Record<string, unknown>) }));
    const user = userEvent.setup();
    const { router } = renderApp('/me/today');
    await screen.findByRole('group', { name: 'Mood' });
    await answer(user, 'Mood', 'Low');
    await answer(user, 'Strongest craving today', '9');
    await user.click(screen.getByRole('link', { name: 'Start the craving-now steps' }));
    await screen.findByRole('heading', { name: 'How strong is the urge?' });
    await router.navigate('/me/today');
    const mood = await screen.findByRole('group', { name: 'Mood' });
    expect((within(mood).getByRole('radio', { name: 'Low' }) as HTMLInputElement).checked).toBe(true);
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });
});
