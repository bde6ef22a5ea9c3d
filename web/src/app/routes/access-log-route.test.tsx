import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { alexMe, ids, mockServer } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';

describe('who looked at my data', () => {
  it('names shared kinds and the care team’s records about me in plain words', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/access-log': () => ({
        status: 200,
        body: {
          events: [
            {
              id: '3',
              at: '2026-11-25T10:00:00.000Z',
              viewer: { id: ids.blake, displayName: 'Dr. Casey', relation: 'clinician' },
              kind: 'caseload-flags',
              basedOn: ['checkins', 'lapses'],
              action: 'read',
              purpose: 'treatment',
            },
            {
              id: '2',
              at: '2026-11-24T10:00:00.000Z',
              viewer: { id: ids.blake, displayName: 'Dr. Casey', relation: 'clinician' },
              kind: 'safety-alerts',
              action: 'read',
              purpose: 'treatment',
            },
            {
              id: '1',
              at: '2026-11-23T10:00:00.000Z',
              viewer: { id: ids.blake, displayName: 'Blake', relation: 'partner' },
              kind: 'checkins',
              action: 'read',
              purpose: 'partner-support',
            },
          ],
        },
      }),
    });
    renderApp('/access-log');
    expect(await screen.findByText('Dr. Casey (clinician) read “a safety alert about you”')).toBeTruthy();
    expect(screen.getByText('Blake (partner) read “Daily check-ins”')).toBeTruthy();
    // A view derived from several kinds names each of them.
    expect(screen.getByText(/Dr. Casey \(clinician\) read “flags on your clinician’s caseload, from: Daily check-ins, /)).toBeTruthy();
  });
});
