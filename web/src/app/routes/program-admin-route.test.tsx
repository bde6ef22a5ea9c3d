import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alexMe, ids, mockServer } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

const casey = '6c8b4a1f-2d3e-4f5a-9b0c-1d2e3f4a5b6c';
const jordan = '9f1e7d4c-5a6b-4c8d-8e3f-4a5b6c7d8e9f';
const couple = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

function adminView(overrides: { clinicianIds?: string[]; caseyActive?: boolean } = {}) {
  const clinicianIds = overrides.clinicianIds ?? [casey];
  return {
    programId: ids.program,
    name: 'Riverside',
    staff: [
      { userId: ids.alex, displayName: 'Morgan', roles: ['admin'], clinicianActive: null, assignedCouples: 0, isMe: true },
      {
        userId: casey,
        displayName: 'Dr. Casey',
        roles: ['clinician'],
        clinicianActive: overrides.caseyActive ?? true,
        assignedCouples: clinicianIds.includes(casey) ? 1 : 0,
        isMe: false,
      },
      {
        userId: jordan,
        displayName: 'Dr. Jordan',
        roles: ['clinician'],
        clinicianActive: true,
        assignedCouples: clinicianIds.includes(jordan) ? 1 : 0,
        isMe: false,
      },
    ],
    couples: [
      {
        coupleId: couple,
        partners: [
          { id: ids.alex, displayName: 'Sol', enrollment: 'accepted' },
          { id: ids.blake, displayName: 'Remy', enrollment: 'invited' },
        ],
        clinicianIds,
      },
    ],
    counts: {
      activeClinicians: 2,
      deactivatedClinicians: 0,
      couples: 1,
      unassignedCouples: clinicianIds.length === 0 ? 1 : 0,
      acceptedPartners: 1,
      invitedPartners: 1,
      partnersWithConsent: 1,
    },
  };
}

describe('program admin page', () => {
  it('shows counts, staff and couples, deactivates a clinician and assigns a couple', async () => {
    let view = adminView();
    const { requests } = mockServer({
      'GET /api/me': () => ({
        status: 200,
        body: { ...alexMe, staff: [{ programId: ids.program, programName: 'Riverside', role: 'admin' }] },
      }),
      'GET /api/programs/:id': () => ({
        status: 200,
        body: {
          id: ids.program,
          name: 'Riverside',
          createdAt: '2026-11-20T09:00:00.000Z',
          myRole: 'admin',
          staff: [],
          counts: { clinicians: 2, enrolledPartners: 1 },
          can: { inviteClinician: true, inviteCouple: false, viewCaseload: false, administer: true },
        },
      }),
      'GET /api/programs/:id/admin': () => ({ status: 200, body: view }),
      'PATCH /api/programs/:id/clinicians/:userId': (request) => {
        view = adminView({ caseyActive: (request.body as { active: boolean }).active, clinicianIds: view.couples[0]!.clinicianIds });
        return { status: 200, body: view };
      },
      'PUT /api/programs/:id/couples/:coupleId/clinicians': (request) => {
        view = adminView({ clinicianIds: (request.body as { clinicianIds: string[] }).clinicianIds });
        return { status: 200, body: view };
      },
    });
    const user = userEvent.setup();
    renderApp(`/programs/${ids.program}/admin`);
    expect(await screen.findByText(/you see names, roles and numbers only/)).toBeTruthy();
    const counts = screen.getByRole('region', { name: 'In numbers' });
    expect(within(counts).getByText('People with a current consent')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Deactivate Dr. Casey' }));
    expect(await screen.findByRole('button', { name: 'Reactivate Dr. Casey' })).toBeTruthy();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ active: false });

    const couples = screen.getByRole('group', { name: 'Sol & Remy' });
    await user.click(within(couples).getByRole('checkbox', { name: 'Dr. Jordan cares for this couple' }));
    await waitFor(() => expect(requests.find((request) => request.method === 'PUT')?.body).toEqual({ clinicianIds: [casey, jordan] }));
  });
});
