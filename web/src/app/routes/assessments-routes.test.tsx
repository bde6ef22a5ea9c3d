import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { instruments } from '@twofold/core/assessments/instruments';
import { crisisResourcesByRegion } from '@twofold/core/crisis/crisis-resources';
import { alexMe, ids, mockServer, problem, alexAndBlake as couple } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';
import { changeLocale } from '../../lib/i18n';

const alertId = '88888888-8888-4888-8888-888888888888';
const us = crisisResourcesByRegion['US'] ?? [];
// What GET /api/assessments/instruments serves; this deployment switched DAST-10 off.
const offered = { instruments: Object.values(instruments).filter((instrument) => instrument.id !== 'dast-10'), ptsdCutoff: 3 };

function phqResult(total: number, date: string, bandId: string) {
  return {
    id: `9999999${total % 10}-9999-4999-8999-99999999999${total % 10}`,
    instrumentId: 'phq-9',
    instrumentVersion: '1.0.0',
    date,
    submittedAt: `${date}T10:00:00.000Z`,
    total,
    subscales: null,
    band: { id: bandId, label: 'x', source: 'Kroenke 2001' },
    positive: null,
    rule: 'sum',
    scorerVersion: '1.0.0',
    answers: {},
    safetyFlow: null,
  };
}

describe('check-ups', () => {
  it('lists only the offered questionnaires by family, what is due, who set it, and the FHIR download', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/assessments/instruments': () => ({ status: 200, body: offered }),
      'GET /api/me/assessment-schedules': () => ({
        status: 200,
        body: {
          today: '2026-11-25',
          schedules: [
            { instrumentId: 'phq-9', everyDays: 14, setBy: 'clinician', lastDate: '2026-11-01', dueDate: '2026-11-15', isDue: true },
            { instrumentId: 'csi-4', everyDays: 30, setBy: 'self', lastDate: '2026-11-20', dueDate: '2026-12-20', isDue: false },
          ],
        },
      }),
      'GET /api/me/assessments': () => ({ status: 200, body: { assessments: [phqResult(7, '2026-11-01', 'mild')] } }),
    });
    renderApp('/me/assessments');
    const due = await screen.findByRole('region', { name: 'Due now' });
    expect(within(due).getByRole('link', { name: 'Start PHQ-9' }).getAttribute('href')).toBe('/me/assessments/phq-9');
    expect(within(due).queryByText(/CSI-4/)).toBeNull();
    const mood = screen.getByRole('region', { name: 'Mood and worry' });
    expect(within(mood).getByText('Set by your clinician')).toBeTruthy();
    expect(within(mood).getByText(/Some signs of low mood \(mild\)/)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Our relationship' }).textContent).toContain('Next due Dec 20, 2026.');
    // Switched off here: not mentioned at all.
    expect(screen.queryByText(/DAST-10/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Download my results (FHIR)' }).getAttribute('href')).toBe('/api/me/assessments/fhir');
    // The recovery navigation reaches this page.
    expect(screen.getByRole('navigation', { name: 'My recovery' }).querySelector('a[href="/me/assessments"]')).toBeTruthy();
  });

  it('sets how often a questionnaire is due with a PUT, and stops it with a DELETE', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/assessments/instruments': () => ({ status: 200, body: offered }),
      'GET /api/me/assessment-schedules': () => ({ status: 200, body: { today: '2026-11-25', schedules: [] } }),
      'GET /api/me/assessments': () => ({ status: 200, body: { assessments: [] } }),
      'PUT /api/me/assessment-schedules/:id': () => ({
        status: 200,
        body: {
          today: '2026-11-25',
          schedules: [{ instrumentId: 'gad-7', everyDays: 14, setBy: 'self', lastDate: null, dueDate: '2026-11-25', isDue: true }],
        },
      }),
      'DELETE /api/me/assessment-schedules/:id': () => ({ status: 204 }),
    });
    const user = userEvent.setup();
    renderApp('/me/assessments');
    const select = await screen.findByLabelText('How often should GAD-7 be due?');
    await user.selectOptions(select, 'Every 14 days');
    const form = select.closest('form') as HTMLFormElement;
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(screen.getByRole('region', { name: 'Due now' })).findByRole('link', { name: 'Start GAD-7' })).toBeTruthy();
    expect(requests.find((request) => request.method === 'PUT')).toMatchObject({
      path: '/api/me/assessment-schedules/gad-7',
      body: { everyDays: 14 },
    });
    await user.selectOptions(screen.getByLabelText('How often should GAD-7 be due?'), 'No reminder');
    await user.click(
      within(screen.getByLabelText('How often should GAD-7 be due?').closest('form') as HTMLFormElement).getByRole('button', {
        name: 'Save',
      }),
    );
    await waitFor(() =>
      expect(requests.some((request) => request.method === 'DELETE' && request.path === '/api/me/assessment-schedules/gad-7')).toBe(true),
    );
  });
});

describe('a questionnaire and its result', () => {
  it('after a critical PHQ-9, shows the safety flow, says honestly that nobody was told without a care team, then the result', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/assessments/instruments': () => ({ status: 200, body: offered }),
      'GET /api/me/assessments': () => ({ status: 200, body: { assessments: [phqResult(3, '2026-11-25', 'minimal')] } }),
      'POST /api/me/assessments': () => ({
        status: 201,
        body: {
          assessment: { ...phqResult(3, '2026-11-25', 'minimal'), safetyFlow: 'self-harm' },
          safety: { flow: 'self-harm', higherRisk: true, careTeamAlerted: false, resources: us },
        },
      }),
    });
    const user = userEvent.setup();
    renderApp('/me/assessments/phq-9');
    await screen.findByRole('heading', { level: 1, name: 'Mood check (PHQ-9)' });
    for (let n = 1; n <= 9; n += 1) {
      const group = screen.getByRole('group', { name: new RegExp(`^Question ${n}\\b`) });
      await user.click(within(group).getByRole('radio', { name: n === 9 ? 'Nearly every day' : 'Not at all' }));
    }
    await user.click(screen.getByRole('button', { name: 'Save my answers' }));
    const flow = await screen.findByRole('region', { name: 'Let’s take a moment for your safety' });
    expect(within(flow).getByText(/please call or text 988 now/)).toBeTruthy();
    expect(
      within(flow)
        .getAllByRole('link', { name: /Call 988/ })[0]
        ?.getAttribute('href'),
    ).toBe('tel:988');
    expect(within(flow).getByText(/You are not part of a care program on Twofold, so nobody was told/)).toBeTruthy();
    await user.click(within(flow).getByRole('radio', { name: 'No, or I’m not sure' }));
    expect(within(flow).getByText('Please reach out now.')).toBeTruthy();
    expect(screen.getByText('Score: 3 out of 27')).toBeTruthy();
    expect(screen.getByText(/This is a screen, not a diagnosis/)).toBeTruthy();
  });

  it('shows the trend of totals with the bands named, and the source', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/assessments/instruments': () => ({ status: 200, body: offered }),
      'GET /api/me/assessments': () => ({
        status: 200,
        body: { assessments: [phqResult(12, '2026-11-20', 'moderate'), phqResult(6, '2026-11-06', 'mild')] },
      }),
    });
    renderApp('/me/assessments/phq-9/results');
    const figure = (await screen.findByText('PHQ-9 over time')).closest('figure') as HTMLElement;
    expect(within(figure).getByRole('img').getAttribute('aria-label')).toBe(
      '2 results since Nov 6, 2026; the latest is 12 (scale 0 to 27).',
    );
    expect(within(figure).getByText('Many signs of low mood (moderately severe): 15–19')).toBeTruthy();
    expect(document.querySelector('.result__band')?.textContent).toBe('A fair number of signs of low mood (moderate)');
    expect(screen.getByText('Kroenke 2001')).toBeTruthy();
  });

  it('explains ECR-S on its two dimensions, and the couple pattern only when the server gives one', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/assessments/instruments': () => ({ status: 200, body: offered }),
      'GET /api/me/assessments': () => ({
        status: 200,
        body: {
          assessments: [
            {
              ...phqResult(0, '2026-11-20', 'minimal'),
              instrumentId: 'ecr-s',
              total: null,
              band: null,
              subscales: { anxiety: 5.5, avoidance: 2 },
            },
          ],
        },
      }),
      'GET /api/couple/attachment': () => ({
        status: 200,
        body: {
          mine: { anxiety: 5.5, avoidance: 2, date: '2026-11-20' },
          partner: { anxiety: 2, avoidance: 5.5, date: '2026-11-19' },
          pattern: 'pursue-withdraw',
        },
      }),
    });
    renderApp('/me/assessments/ecr-s/results');
    expect(await screen.findByText('Worry about closeness')).toBeTruthy();
    expect(screen.getByText('5.5 out of 7')).toBeTruthy();
    const pattern = await screen.findByRole('region', { name: 'How our two styles meet' });
    expect(within(pattern).getByRole('heading', { name: 'Reaching out and stepping back' })).toBeTruthy();
    expect(within(pattern).getAllByRole('listitem').length).toBeGreaterThan(0);
  });

  it('in Spanish, shows the published Spanish PHQ-9, and DAST-10 in its original English with a note', async () => {
    await changeLocale('es', { remember: false });
    mockServer({
      'GET /api/me': () => ({ status: 200, body: { ...alexMe, user: { ...alexMe.user, locale: 'es' } } }),
      'GET /api/assessments/instruments': () => ({ status: 200, body: { ...offered, instruments: Object.values(instruments) } }),
    });
    const view = renderApp('/me/assessments/phq-9');
    expect(await screen.findByText('Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera')).toBeTruthy();
    expect(screen.getAllByRole('radio', { name: 'Más de la mitad de los días' }).length).toBe(9);
    view.unmount();
    renderApp('/me/assessments/dast-10');
    expect(await screen.findByText(/todavía no tenemos una versión en español validada/)).toBeTruthy();
    expect(document.querySelector('form.questionnaire')?.getAttribute('lang')).toBe('en');
  });
});

describe('the private safety screen', () => {
  it('after a positive screen: says it is private, the violence hotline first, a plan, and reopens only after a calm confirmation', async () => {
    let status = 'positive';
    const ipvFirst = [...us.filter((line) => line.kind === 'ipv'), ...us.filter((line) => line.kind !== 'ipv')];
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/assessments/instruments': () => ({ status: 200, body: offered }),
      'GET /api/me/safety-screen': () => ({ status: 200, body: { status, screenedAt: '2026-11-25T10:00:00.000Z', resources: ipvFirst } }),
      'POST /api/me/safety-screen/reopen': () => {
        status = 'reopened';
        return { status: 200, body: { status, screenedAt: '2026-11-25T10:00:00.000Z', resources: ipvFirst } };
      },
    });
    const user = userEvent.setup();
    renderApp('/me/safety-screen');
    expect(await screen.findByText(/Your partner never sees your answers, your result, or even whether you answered/)).toBeTruthy();
    const support = screen.getByRole('region', { name: 'Support for you' });
    expect(within(support).getAllByRole('heading', { level: 3 })[0]?.textContent).toBe('National Domestic Violence Hotline');
    expect(screen.getByRole('region', { name: 'A safety plan' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open joint features again…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Open joint features again?' });
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Yes, open them' }));
    expect(await screen.findByText(/Joint features are open again/)).toBeTruthy();
    expect(requests.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual([
      '/api/me/safety-screen/reopen',
    ]);
  });
});

describe('joint features on the "us" page', () => {
  const base = {
    'GET /api/me': () => ({ status: 200, body: alexMe }),
    'GET /api/couple': () => ({ status: 200, body: couple }),
    'GET /api/people/:id/support-preferences': () => problem(404, 'not-found', 'Not found.'),
    'GET /api/couple/joint-features': () => ({ status: 200, body: { status: 'not-available-yet' } }),
  };

  it('says only "not available yet", with a link to my own screen when I have not answered it', async () => {
    mockServer({
      ...base,
      'GET /api/me/safety-screen': () => ({ status: 200, body: { status: 'missing', screenedAt: null, resources: [] } }),
    });
    renderApp('/us');
    expect(await screen.findByText('Some joint features are not available yet.')).toBeTruthy();
    expect((await screen.findByRole('link', { name: 'Answer yours' })).getAttribute('href')).toBe('/me/safety-screen');
  });

  it('says exactly the same whether my partner’s screen is missing or positive, once mine is answered', async () => {
    mockServer({
      ...base,
      'GET /api/me/safety-screen': () => ({
        status: 200,
        body: { status: 'clear', screenedAt: '2026-11-25T10:00:00.000Z', resources: [] },
      }),
    });
    renderApp('/us');
    const partners = await screen.findByRole('region', { name: 'Partners' });
    await within(partners).findByText('Some joint features are not available yet.');
    await waitFor(() => expect(within(partners).queryByRole('link', { name: 'Answer yours' })).toBeNull());
    expect(partners.textContent).not.toMatch(/Blake.*(screen|safety)|positive|missing/i);
  });
});

describe('safety alerts on the program page', () => {
  const program = {
    id: ids.program,
    name: 'Riverside Couples Recovery',
    createdAt: '2026-11-20T09:00:00.000Z',
    staff: [],
    counts: { clinicians: 1, enrolledPartners: 2 },
  };

  it('shows a clinician each alert in plain words and acknowledges it', async () => {
    let acknowledgedAt: string | null = null;
    const { requests } = mockServer({
      'GET /api/me': () => ({
        status: 200,
        body: { ...alexMe, coupleId: null, staff: [{ programId: ids.program, programName: program.name, role: 'clinician' }] },
      }),
      'GET /api/programs/:id': () => ({
        status: 200,
        body: { ...program, myRole: 'clinician', can: { inviteClinician: false, inviteCouple: true, viewCaseload: true } },
      }),
      'GET /api/programs/:id/caseload': () => ({ status: 200, body: { couples: [] } }),
      'GET /api/programs/:id/alerts': () => ({
        status: 200,
        body: {
          alerts: [
            {
              id: alertId,
              personId: ids.blake,
              personName: 'Blake',
              kind: 'self-harm',
              higherRisk: true,
              createdAt: '2026-11-25T10:00:00.000Z',
              acknowledgedAt,
            },
          ],
        },
      }),
      'POST /api/programs/:id/alerts/:alertId/acknowledge': () => {
        acknowledgedAt = '2026-11-25T11:00:00.000Z';
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderApp(`/programs/${ids.program}`);
    const alerts = await screen.findByRole('region', { name: 'Safety alerts' });
    expect(await within(alerts).findByText('Higher risk')).toBeTruthy();
    expect(within(alerts).getByText(/thoughts of death or self-harm/)).toBeTruthy();
    await user.click(within(alerts).getByRole('button', { name: 'Acknowledge Blake' }));
    expect(await within(alerts).findByText(/^Acknowledged /)).toBeTruthy();
    expect(
      requests.some(
        (request) => request.method === 'POST' && request.path === `/api/programs/${ids.program}/alerts/${alertId}/acknowledge`,
      ),
    ).toBe(true);
  });

  it('never asks for alerts for an admin', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => ({
        status: 200,
        body: { ...alexMe, staff: [{ programId: ids.program, programName: program.name, role: 'admin' }] },
      }),
      'GET /api/programs/:id': () => ({
        status: 200,
        body: { ...program, myRole: 'admin', can: { inviteClinician: true, inviteCouple: false, viewCaseload: false } },
      }),
    });
    renderApp(`/programs/${ids.program}`);
    await screen.findByRole('heading', { level: 1, name: 'Riverside Couples Recovery' });
    expect(screen.queryByRole('region', { name: 'Safety alerts' })).toBeNull();
    expect(requests.some((request) => request.path.endsWith('/alerts'))).toBe(false);
  });
});
