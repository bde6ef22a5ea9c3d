import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { alexMe, ids, mockServer } from '../../../test/mock-server';
import { renderApp } from '../../../test/render-app';

const url = `/api/programs/${ids.program}/couples/${ids.couple}/notes`;
const noteId = '77777777-7777-4777-8777-777777777777';
const clinician = { id: '88888888-8888-4888-8888-888888888888', displayName: 'Dr. Casey' };
const draft = {
  id: noteId,
  sessionId: null,
  programId: ids.program,
  coupleId: ids.couple,
  scope: 'individual',
  about: [{ id: ids.blake, displayName: 'Blake' }],
  sessionDate: '2026-11-20',
  body: 'Talked about evenings alone.',
  version: 1,
  author: clinician,
  createdAt: '2026-11-20T18:00:00.000Z',
  updatedAt: '2026-11-20T18:00:00.000Z',
  signedAt: null,
  signedBy: null,
  sharedWithCoupleAt: null,
  addenda: [],
  can: { edit: true, sign: true, share: false, addAddendum: false },
};
const list = (notes: unknown[]) => ({
  coupleId: ids.couple,
  partners: [
    { id: ids.alex, displayName: 'Alex' },
    { id: ids.blake, displayName: 'Blake' },
  ],
  notes,
  can: { writeJoint: true, writeIndividual: true },
});

describe('a clinician’s notes and progress report for a couple', () => {
  it('writes an individual note about one partner', async () => {
    const server = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      [`GET ${url}`]: () => ({ status: 200, body: list([]) }),
      [`POST ${url}`]: () => ({ status: 201, body: draft }),
    });
    renderApp(`/programs/${ids.program}/couples/${ids.couple}/notes`);
    fireEvent.change(await screen.findByLabelText('This note is about'), { target: { value: ids.blake } });
    fireEvent.change(screen.getByLabelText('Day of the session'), { target: { value: '2026-11-20' } });
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'Talked about evenings alone.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('Note saved. Edit it until you sign it.')).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'POST' && r.path === url)?.body).toEqual({
      scope: 'individual',
      partnerId: ids.blake,
      sessionDate: '2026-11-20',
      body: 'Talked about evenings alone.',
    });
  });

  it('refuses an empty note on the phone, before asking the server', async () => {
    const server = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      [`GET ${url}`]: () => ({ status: 200, body: list([]) }),
    });
    renderApp(`/programs/${ids.program}/couples/${ids.couple}/notes`);
    fireEvent.click(await screen.findByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('Write the note first.')).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('edits a draft into a new version, signs it, and shows every version', async () => {
    const server = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      [`GET ${url}`]: () => ({ status: 200, body: list([draft]) }),
      [`PUT ${url}/:noteId`]: () => ({ status: 200, body: { ...draft, body: 'Edited.', version: 2 } }),
      [`POST ${url}/:noteId/signature`]: () => ({ status: 200, body: draft }),
      [`GET ${url}/:noteId/versions`]: () => ({
        status: 200,
        body: {
          noteId,
          versions: [
            { version: 1, body: 'First words.', writtenBy: clinician, writtenAt: '2026-11-20T18:00:00.000Z' },
            { version: 2, body: 'Talked about evenings alone.', writtenBy: clinician, writtenAt: '2026-11-20T18:05:00.000Z' },
          ],
        },
      }),
    });
    renderApp(`/programs/${ids.program}/couples/${ids.couple}/notes`);
    const card = (await screen.findByText('Talked about evenings alone.')).closest('li')!;
    fireEvent.click(within(card).getByRole('button', { name: 'Edit' }));
    fireEvent.change(within(card).getByLabelText('Note'), { target: { value: 'Edited.' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save as a new version' }));
    await screen.findByRole('button', { name: 'Sign and lock' });
    expect(server.requests.find((r) => r.method === 'PUT')?.body).toEqual({ body: 'Edited.', baseVersion: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Sign and lock' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show all versions' }));
    expect(await screen.findByText('First words.')).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'POST' && r.path === `${url}/${noteId}/signature`)).toBe(true);
  });

  it('offers the progress report for the couple or one partner, as a download link with the range', async () => {
    mockServer({ 'GET /api/me': () => ({ status: 200, body: alexMe }), [`GET ${url}`]: () => ({ status: 200, body: list([]) }) });
    renderApp(`/programs/${ids.program}/couples/${ids.couple}/notes`);
    fireEvent.change(await screen.findByLabelText('From'), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
    fireEvent.change(screen.getByLabelText('Report for'), { target: { value: ids.alex } });
    const link = screen.getByRole('link', { name: 'Download progress report' });
    expect(link.getAttribute('href')).toBe(
      `/api/programs/${ids.program}/couples/${ids.couple}/report.pdf?from=2026-10-01&to=2026-11-30&partnerId=${ids.alex}`,
    );
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-09-01' } });
    expect(screen.queryByRole('link', { name: 'Download progress report' })).toBeNull();
    expect(screen.getAllByText('Choose a start day before the end day, at most a year apart.').length).toBeGreaterThan(0);
  });

  it('links a joint note to one of the couple’s joint sessions, taking its day', async () => {
    const sessionId = '99999999-9999-4999-8999-999999999999';
    const session = {
      id: sessionId,
      programId: ids.program,
      coupleId: ids.couple,
      format: 'joint',
      startsAt: '2026-11-18T23:30:00.000Z',
      endsAt: '2026-11-19T00:20:00.000Z',
      local: { date: '2026-11-18', time: '17:30', endTime: '18:20', timeZone: 'America/Chicago' },
      durationMinutes: 50,
      place: 'Room 3',
      videoUrl: null,
      status: 'scheduled',
      clinician: clinician,
      participants: [],
    };
    const server = mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      [`GET ${url}`]: () => ({ status: 200, body: list([]) }),
      [`GET /api/programs/${ids.program}/couples/${ids.couple}/sessions`]: () => ({ status: 200, body: { sessions: [session] } }),
      [`POST ${url}`]: () => ({ status: 201, body: { ...draft, scope: 'joint', sessionId } }),
    });
    renderApp(`/programs/${ids.program}/couples/${ids.couple}/notes`);
    fireEvent.change(await screen.findByLabelText('Session (optional)'), { target: { value: sessionId } });
    expect((screen.getByLabelText('Day of the session') as HTMLInputElement).value).toBe('2026-11-18');
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'Joint session notes.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await screen.findByText('Note saved. Edit it until you sign it.');
    expect(server.requests.find((r) => r.method === 'POST' && r.path === url)?.body).toEqual({
      scope: 'joint',
      sessionId,
      sessionDate: '2026-11-18',
      body: 'Joint session notes.',
    });
  });
});
