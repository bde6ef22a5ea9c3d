import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alexMe, ids, mockServer } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

const program = {
  id: ids.program,
  name: 'Riverside Couples Recovery',
  createdAt: '2026-11-20T09:00:00.000Z',
  staff: [{ userId: ids.alex, displayName: 'Morgan', role: 'admin', active: true }],
  counts: { clinicians: 2, enrolledPartners: 7 },
};

describe('program page', () => {
  it('shows an admin the counts and staff and makes a clinician invite link, without any caseload', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => ({
        status: 200,
        body: { ...alexMe, staff: [{ programId: ids.program, programName: program.name, role: 'admin' }] },
      }),
      'GET /api/programs/:id': () => ({
        status: 200,
        body: { ...program, myRole: 'admin', can: { inviteClinician: true, inviteCouple: false, viewCaseload: false } },
      }),
      'POST /api/programs/:id/clinician-invites': () => ({
        status: 201,
        body: { id: ids.invite, token: 't', url: 'http://localhost/join/clin', expiresAt: '2026-12-02T09:00:00.000Z' },
      }),
    });
    const user = userEvent.setup();
    renderApp(`/programs/${ids.program}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Riverside Couples Recovery' })).toBeTruthy();
    const counts = screen.getByRole('region', { name: 'In numbers' });
    expect(within(counts).getByText('7')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Caseload' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Make a clinician invite link' }));
    expect(((await screen.findByLabelText('Invite link')) as HTMLInputElement).value).toBe('http://localhost/join/clin');
    expect(requests.some((request) => request.method === 'GET' && request.path.endsWith('/caseload'))).toBe(false);
  });

  it("shows a clinician the caseload with each partner's own enrollment", async () => {
    mockServer({
      'GET /api/me': () => ({
        status: 200,
        body: { ...alexMe, coupleId: null, staff: [{ programId: ids.program, programName: program.name, role: 'clinician' }] },
      }),
      'GET /api/programs/:id': () => ({
        status: 200,
        body: { ...program, myRole: 'clinician', can: { inviteClinician: false, inviteCouple: true, viewCaseload: true } },
      }),
      'GET /api/programs/:id/caseload': () => ({
        status: 200,
        body: {
          couples: [
            {
              coupleId: ids.couple,
              partners: [
                { id: ids.alex, displayName: 'Alex', enrollment: 'accepted' },
                { id: ids.blake, displayName: 'Blake', enrollment: 'invited' },
              ],
            },
          ],
        },
      }),
    });
    const { router } = renderApp('/');
    const caseload = await screen.findByRole('region', { name: 'Caseload' });
    expect(router.state.location.pathname).toBe(`/programs/${ids.program}`);
    expect(await within(caseload).findByRole('heading', { name: 'Alex & Blake' })).toBeTruthy();
    expect(within(caseload).getByText('joined')).toBeTruthy();
    expect(within(caseload).getByText('invited')).toBeTruthy();
    // The care team reaches a person's insights from here (the page says when they are not shared).
    expect(within(caseload).getByRole('link', { name: 'Insights Alex shares' }).getAttribute('href')).toBe(
      `/programs/${ids.program}/people/${ids.alex}/insights`,
    );
    expect(screen.getByRole('button', { name: 'Make a couple invite link' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Make a clinician invite link' })).toBeNull();
    // Staff without a couple space of their own get their program in the navigation instead of "Us".
    const navs = screen.getAllByRole('navigation', { name: 'Main' });
    for (const nav of navs) {
      expect(within(nav).getByRole('link', { name: 'Program' }).getAttribute('href')).toBe(`/programs/${ids.program}`);
      expect(within(nav).queryByRole('link', { name: 'Us' })).toBeNull();
    }
  });

  it('lets a clinician set a check-up schedule for a partner and reopen joint features after a positive safety screen', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => ({
        status: 200,
        body: { ...alexMe, coupleId: null, staff: [{ programId: ids.program, programName: program.name, role: 'clinician' }] },
      }),
      'GET /api/programs/:id': () => ({
        status: 200,
        body: { ...program, myRole: 'clinician', can: { inviteClinician: false, inviteCouple: true, viewCaseload: true } },
      }),
      'GET /api/programs/:id/caseload': () => ({
        status: 200,
        body: { couples: [{ coupleId: ids.couple, partners: [{ id: ids.alex, displayName: 'Alex', enrollment: 'accepted' }] }] },
      }),
      'GET /api/programs/:id/alerts': () => ({
        status: 200,
        body: {
          alerts: [
            {
              id: ids.invite,
              personId: ids.alex,
              personName: 'Alex',
              kind: 'safety-screen',
              higherRisk: false,
              createdAt: '2026-11-24T09:00:00.000Z',
              acknowledgedAt: null,
            },
          ],
        },
      }),
      'GET /api/assessments/instruments': () => ({
        status: 200,
        body: {
          ptsdCutoff: 3,
          instruments: [
            { id: 'phq-9', name: 'Patient Health Questionnaire-9' },
            { id: 'csi-4', name: 'Couples Satisfaction Index (4-item)' },
            { id: 'hark', name: 'HARK' },
          ],
        },
      }),
      'PUT /api/programs/:id/people/:personId/assessment-schedules/:instrumentId': () => ({ status: 204, body: null }),
      'POST /api/programs/:id/people/:personId/safety-screen/reopen': () => ({ status: 204, body: null }),
    });
    const user = userEvent.setup();
    renderApp(`/programs/${ids.program}`);
    const caseload = await screen.findByRole('region', { name: 'Caseload' });
    await user.click(await within(caseload).findByText('Check-up schedule for Alex'));
    const instrument = await within(caseload).findByLabelText('Questionnaire');
    // The safety screen is never scheduled by a clinician from here.
    expect(within(instrument).queryByRole('option', { name: 'HARK' })).toBeNull();
    await user.selectOptions(instrument, 'csi-4');
    await user.selectOptions(within(caseload).getByLabelText('Due every'), '30');
    await user.click(within(caseload).getByRole('button', { name: 'Save schedule' }));
    expect(await within(caseload).findByText('Saved. Alex sees it as set by their clinician.')).toBeTruthy();
    expect(requests.find((request) => request.method === 'PUT')).toMatchObject({
      path: `/api/programs/${ids.program}/people/${ids.alex}/assessment-schedules/csi-4`,
      body: { everyDays: 30 },
    });

    const alerts = screen.getByRole('region', { name: 'Safety alerts' });
    await user.click(within(alerts).getByRole('button', { name: 'Open joint features again Alex' }));
    expect(requests.some((request) => request.path.endsWith('/safety-screen/reopen'))).toBe(false);
    await user.click(within(alerts).getByRole('button', { name: 'Yes, open them again' }));
    expect(await within(alerts).findByText('Joint features are open again for Alex.')).toBeTruthy();
    expect(
      requests.filter((request) => request.path === `/api/programs/${ids.program}/people/${ids.alex}/safety-screen/reopen`),
    ).toHaveLength(1);
  });

  it('shows a clinician the lapse reports a person told the care team, and nothing for a person who told none', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => ({
        status: 200,
        body: { ...alexMe, coupleId: null, staff: [{ programId: ids.program, programName: program.name, role: 'clinician' }] },
      }),
      'GET /api/programs/:id': () => ({
        status: 200,
        body: { ...program, myRole: 'clinician', can: { inviteClinician: false, inviteCouple: true, viewCaseload: true } },
      }),
      'GET /api/programs/:id/caseload': () => ({
        status: 200,
        body: {
          couples: [
            {
              coupleId: ids.couple,
              partners: [
                { id: ids.alex, displayName: 'Alex', enrollment: 'accepted' },
                { id: ids.blake, displayName: 'Blake', enrollment: 'accepted' },
              ],
            },
          ],
        },
      }),
      'GET /api/programs/:id/alerts': () => ({ status: 200, body: { alerts: [] } }),
      'GET /api/people/:partnerId/lapses': (_request, params) => ({
        status: 200,
        body: {
          lapses:
            params['partnerId'] === ids.alex
              ? [
                  {
                    id: ids.invite,
                    ownerId: ids.alex,
                    date: '2026-11-22',
                    time: '21:30',
                    timeZone: 'America/Chicago',
                    substances: ['alcohol'],
                    whatHappened: 'Two drinks after the argument.',
                    triggers: [],
                    warningSigns: [],
                    whatIDidAfter: 'Called my sponsor.',
                    told: null,
                    reflection: null,
                    reflectionDue: false,
                    createdAt: '2026-11-23T09:00:00.000Z',
                    can: { edit: false },
                  },
                ]
              : [],
        },
      }),
    });
    renderApp(`/programs/${ids.program}`);
    const caseload = await screen.findByRole('region', { name: 'Caseload' });
    const told = await within(caseload).findByRole('region', { name: 'Alex told you about a lapse' });
    expect(within(told).getByText('Two drinks after the argument.')).toBeTruthy();
    expect(within(told).getByText('Afterwards: Called my sponsor.')).toBeTruthy();
    expect(within(told).getByText(/Their partner is not told that you know; follow up with Alex alone\./)).toBeTruthy();
    expect(within(caseload).queryByRole('region', { name: 'Blake told you about a lapse' })).toBeNull();
    expect(
      requests
        .filter((request) => request.path.endsWith('/lapses'))
        .map((request) => request.path)
        .sort(),
    ).toEqual([`/api/people/${ids.alex}/lapses`, `/api/people/${ids.blake}/lapses`].sort());
  });
});
