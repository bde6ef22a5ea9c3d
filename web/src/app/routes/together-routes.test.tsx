import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alexMe, ids, mockServer, alexAndBlake as couple } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

const noPause = { pause: null, settings: { coolDownMinutes: 20, proposal: null }, serverNow: '2026-11-25T10:00:00.000Z' };

function base(extra: Record<string, Parameters<typeof mockServer>[0][string]> = {}, joint: 'open' | 'not-available-yet' = 'open') {
  return mockServer({
    'GET /api/me': () => ({ status: 200, body: alexMe }),
    'GET /api/couple': () => ({ status: 200, body: couple }),
    'GET /api/couple/joint-features': () => ({ status: 200, body: { status: joint } }),
    'GET /api/me/safety-screen': () => ({ status: 200, body: { status: 'answered' } }),
    'GET /api/couple/pause': () => ({ status: 200, body: noPause }),
    ...extra,
  });
}

const version = (signatures: string[], id = '77777777-7777-4777-8777-777777777777') => ({
  id,
  version: 2,
  discussionTime: '20:30',
  otherItems: ['No alcohol at home.'],
  keepPastUseInSessions: true,
  parts: [{ partnerId: ids.alex, intention: 'I intend to stay sober today.', medication: '', meetings: 'SMART on Tuesdays' }],
  createdBy: ids.alex,
  createdAt: '2026-11-24T19:00:00.000Z',
  signatures: signatures.map((partnerId) => ({ partnerId, signedAt: '2026-11-24T19:05:00.000Z' })),
  signedByBothAt: signatures.length === 2 ? '2026-11-24T19:05:00.000Z' : null,
  can: { sign: !signatures.includes(ids.alex) },
});

describe('together: recovery contract', () => {
  it('shows who signed and lets me sign only for myself', async () => {
    let signatures = [ids.blake];
    const { requests } = base({
      'GET /api/couple/contract': () => ({
        status: 200,
        body: {
          active: null,
          latest: version(signatures),
          partners: [
            { partnerId: ids.alex, inRecovery: true, hasPart: true },
            { partnerId: ids.blake, inRecovery: false, hasPart: false },
          ],
          can: { writeMyPart: true },
        },
      }),
      'POST /api/couple/contract/versions/:id/sign': () => {
        signatures = [ids.blake, ids.alex];
        return { status: 200, body: version(signatures) };
      },
    });
    renderApp('/us/contract');
    expect(await screen.findByText('Blake signed version 2. It is in force once you sign too.')).toBeTruthy();
    expect(screen.getByText('I intend to stay sober today.')).toBeTruthy();
    expect(screen.getByText('You: not signed yet')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Sign for myself' }));
    expect(await screen.findByText('Version 2 is signed by both of you and in force.')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      '/api/couple/contract/versions/77777777-7777-4777-8777-777777777777/sign',
    ]);
    expect(screen.queryByRole('button', { name: 'Sign for myself' })).toBeNull();
  });

  it('shows only "not available yet" while joint features are closed', async () => {
    base({}, 'not-available-yet');
    renderApp('/us/contract');
    expect(await screen.findByText('Some joint features are not available yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign for myself' })).toBeNull();
  });
});

describe('together: trust discussion', () => {
  it('shows my intention in my words, records only my part, and shows the streak', async () => {
    const today = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const date = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
    const { requests } = base({
      'GET /api/couple/trust-discussions': () => ({
        status: 200,
        body: {
          contractVersionId: '77777777-7777-4777-8777-777777777777',
          discussionTime: '20:30',
          start: date,
          roles: [
            { partnerId: ids.alex, states: true, thanks: false, intention: 'I intend to stay sober today.', today: date },
            { partnerId: ids.blake, states: false, thanks: true, intention: null, today: date },
          ],
          days: [
            {
              date,
              status: 'pending',
              parts: [
                { partnerId: ids.alex, stated: false, thanked: false },
                { partnerId: ids.blake, stated: false, thanked: true },
              ],
            },
          ],
          streak: { current: 7, best: 12 },
        },
      }),
      'PUT /api/couple/trust-discussions/:date/mine': (request) => ({
        status: 200,
        body: { date, ...(request.body as object), status: 'done' },
      }),
    });
    renderApp('/us/trust-discussion');
    expect(await screen.findByText('I intend to stay sober today.')).toBeTruthy();
    expect(screen.getByText('thanked you today.', { exact: false })).toBeTruthy();
    // Nothing lets me record Blake's part.
    expect(screen.queryByRole('button', { name: /I thanked/ })).toBeNull();
    const stated = screen.getByRole('button', { name: 'I stated my intention' });
    expect(stated.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(stated);
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/api/couple/trust-discussions/${date}/mine`);
    expect(put.body).toEqual({ stated: true, thanked: false });
    const streak = screen.getByRole('region', { name: 'Our streak' });
    expect(within(streak).getByText('7 days')).toBeTruthy();
    expect(within(streak).getByText('12 days')).toBeTruthy();
    expect(within(streak).getByText('You reached 7 days of Trust Discussions in a row. Well done, both of you.')).toBeTruthy();
  });
});

describe('talk: "I" statement helper', () => {
  it('highlights blaming words as I type, suggests the template, and sends nothing', async () => {
    const { requests } = base({
      'GET /api/couple/connection-question': () => ({
        status: 200,
        body: {
          date: '2026-11-25',
          questionId: 'q1',
          question: { en: 'What made you smile today?', es: '¿Qué te hizo sonreír hoy?' },
          myAnswer: null,
          partner: { hasAnswered: false, answer: null },
        },
      }),
      'GET /api/couple/exercise': () => ({ status: 200, body: { exercise: null, serverNow: '2026-11-25T10:00:00.000Z' } }),
      'GET /api/couple/exercises': () => ({ status: 200, body: { exercises: [] } }),
      'GET /api/communication/skills': () => ({ status: 200, body: { locale: 'en', skills: [] } }),
    });
    renderApp('/us/talk');
    const box = await screen.findByLabelText('What I want to say');
    await userEvent.type(box, 'You never listen to me.');
    const marked = await screen.findByText((_, element) => element?.tagName === 'MARK' && /you never/i.test(element.textContent ?? ''));
    expect(marked).toBeTruthy();
    expect(screen.getByText('I feel … when … because … I would like …')).toBeTruthy();
    expect(screen.getByRole('status', { name: '' }).textContent).toContain('One thing to look at');
    expect(requests.some((r) => r.path === '/api/communication/check-draft')).toBe(false);
  });
});

describe('talk: conflict pause', () => {
  const pause = (status: 'active' | 'ended', id: string) => ({
    pause: {
      id,
      status,
      minutes: 20,
      startedAt: '2026-11-25T10:00:00.000Z',
      endsAt: '2026-11-25T10:20:00.000Z',
      endedAt: status === 'ended' ? '2026-11-25T10:20:00.000Z' : null,
      endReason: status === 'ended' ? 'time-over' : null,
      groundingId: 'paced-breathing',
      me: { ready: false },
      can: { markReady: status === 'active' },
    },
    settings: { coolDownMinutes: 20, proposal: null },
    serverNow: '2026-11-25T10:05:00.000Z',
  });

  it('takes over every page of the area while it runs, counting down on the server clock, without saying who called it', async () => {
    base({ 'GET /api/couple/pause': () => ({ status: 200, body: pause('active', '88888888-8888-4888-8888-888888888881') }) });
    renderApp('/us/accountability');
    expect(await screen.findByRole('heading', { name: 'Pause', level: 1 })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Trust and accountability' })).toBeNull();
    // 15 minutes left on the server's clock, whatever this device's clock says.
    expect(screen.getByText(/^1[45]:\d\d$/)).toBeTruthy();
    expect(screen.getByText(/Breathe in slowly for 4 counts/)).toBeTruthy();
    expect(document.querySelector('main')?.textContent).not.toMatch(/Blake/);
  });

  it('shows nothing for a pause that ended before this phone saw it', async () => {
    base({
      'GET /api/couple/pause': () => ({ status: 200, body: pause('ended', '88888888-8888-4888-8888-888888888882') }),
      'GET /api/couple/commitments': () => ({ status: 200, body: { commitments: [], followThrough: [] } }),
      'GET /api/couple/appreciations': () => ({ status: 200, body: { appreciations: [] } }),
      'GET /api/couple/boundaries': () => ({ status: 200, body: { boundaries: [] } }),
    });
    renderApp('/us/accountability');
    expect(await screen.findByRole('heading', { name: 'Trust and accountability', level: 1 })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Time to come back' })).toBeNull();
  });
});

describe('together in Spanish', () => {
  it('speaks Spanish all through, the helper template included', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: { ...alexMe, user: { ...alexMe.user, locale: 'es' } } }),
      'GET /api/couple': () => ({ status: 200, body: couple }),
      'GET /api/couple/joint-features': () => ({ status: 200, body: { status: 'open' } }),
      'GET /api/couple/pause': () => ({ status: 200, body: noPause }),
      'GET /api/couple/connection-question': () => ({
        status: 200,
        body: {
          date: '2026-11-25',
          questionId: 'q1',
          question: { en: 'What made you smile today?', es: '¿Qué te hizo sonreír hoy?' },
          myAnswer: null,
          partner: { hasAnswered: true, answer: null },
        },
      }),
      'GET /api/couple/exercise': () => ({ status: 200, body: { exercise: null, serverNow: '2026-11-25T10:00:00.000Z' } }),
      'GET /api/couple/exercises': () => ({ status: 200, body: { exercises: [] } }),
      'GET /api/communication/skills': () => ({ status: 200, body: { locale: 'es', skills: [] } }),
    });
    renderApp('/us/talk');
    expect(await screen.findByRole('heading', { name: 'Hablar', level: 1 })).toBeTruthy();
    expect(await screen.findByText('¿Qué te hizo sonreír hoy?')).toBeTruthy();
    expect(screen.getByText('Blake ya respondió. Verás su respuesta después de responder.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Pedir una pausa' })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Lo que quiero decir'), 'Siempre llegas tarde.');
    expect(await screen.findByText('Me siento … cuando … porque … Me gustaría …')).toBeTruthy();
  });
});
