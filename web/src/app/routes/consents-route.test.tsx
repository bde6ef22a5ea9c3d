import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alexMe, mockServer } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

const program = { id: '5b7a3f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', name: 'Riverside' };
const clinician = { id: '6c8b4a1f-2d3e-4f5a-9b0c-1d2e3f4a5b6c', displayName: 'Dr. Casey' };

function consent(overrides: Record<string, unknown> = {}) {
  return {
    id: '7d9c5b2a-3e4f-4a6b-8c1d-2e3f4a5b6c7d',
    program,
    kind: 'checkins',
    purpose: 'care-coordination',
    purposeNote: 'for Thursday sessions',
    grantedAt: '2026-11-01T15:00:00.000Z',
    expiresAt: '2027-11-02T05:00:00.000Z',
    endedAt: null,
    status: 'current',
    accesses: [{ at: '2026-11-20T16:00:00.000Z', viewer: clinician, kind: 'checkins' }],
    can: { revoke: true },
    ...overrides,
  };
}

describe('my consents page', () => {
  it('lists each consent with its terms, status and the reads made under it, and revokes one', async () => {
    let consents = [
      consent(),
      consent({ id: '8e0d6c3b-4f5a-4b7c-9d2e-3f4a5b6c7d8e', kind: 'goals', status: 'expired', accesses: [], can: { revoke: false } }),
    ];
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/consents': () => ({ status: 200, body: { consents, entryDisclosures: [], programs: [program] } }),
      'DELETE /api/me/consents/:id': () => {
        consents = [consent({ status: 'revoked', endedAt: '2026-11-25T10:00:00.000Z', can: { revoke: false } }), consents[1]!];
        return { status: 200, body: { consents, entryDisclosures: [], programs: [program] } };
      },
    });
    const user = userEvent.setup();
    renderApp('/settings/consents');
    const card = (await screen.findByRole('heading', { level: 3, name: 'Daily check-ins' })).closest('li')!;
    expect(within(card).getByText('Current')).toBeTruthy();
    expect(within(card).getByText(/Coordinating my care within the program/)).toBeTruthy();
    expect(within(card).getByText(/for Thursday sessions/)).toBeTruthy();
    expect(within(card).getByText(/Dr. Casey read “Daily check-ins”/)).toBeTruthy();
    expect(screen.getByText('Expired')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /Revoke consent/ })).toHaveLength(1);

    await user.click(within(card).getByRole('button', { name: 'Revoke consent for “Daily check-ins”' }));
    await waitFor(() => expect(screen.getByText('Revoked')).toBeTruthy());
    expect(requests.some((request) => request.method === 'DELETE' && request.path.endsWith(consents[0]!.id))).toBe(true);
  });

  it('gives a consent with the chosen kinds, purpose and words, and refuses an empty choice', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/consents': () => ({ status: 200, body: { consents: [], entryDisclosures: [], programs: [program] } }),
      'POST /api/me/consents': () => ({ status: 201, body: { consents: [consent()], entryDisclosures: [], programs: [program] } }),
    });
    const user = userEvent.setup();
    renderApp('/settings/consents');
    await user.click(await screen.findByRole('button', { name: 'Give consent' }));
    expect(await screen.findByText('Choose at least one kind of data.')).toBeTruthy();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    await user.click(screen.getByRole('checkbox', { name: 'Daily check-ins' }));
    await user.click(screen.getByRole('radio', { name: 'Reports on my progress' }));
    await user.type(screen.getByRole('textbox', { name: 'In your own words (optional)' }), 'monthly report');
    await user.click(screen.getByRole('button', { name: 'Give consent' }));
    expect(await screen.findByText('Saved. Your care team can see it from now on.')).toBeTruthy();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      programId: program.id,
      kinds: ['checkins'],
      purpose: 'progress-reporting',
      purposeNote: 'monthly report',
    });
  });

  it('says so when I am in no program', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/consents': () => ({ status: 200, body: { consents: [], entryDisclosures: [], programs: [] } }),
    });
    renderApp('/settings/consents');
    expect(await screen.findByText(/You are not in a program/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Give consent' })).toBeNull();
  });
});
