import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { CareSession } from '@twofold/core/care/session.schemas';
import type { MyHomework as MyHomeworkItem } from '@twofold/core/care/homework.schemas';
import { mockServer } from '../../../test/mock-server';
import { changeLocale } from '../../../lib/i18n';
import { CalendarFeedPanel, MyHomework, MySessions } from './my-care';
import { AssignHomeworkForm, ScheduleSessionForm } from './couple-care';

const programId = '11111111-1111-4111-8111-111111111111';
const coupleId = '22222222-2222-4222-8222-222222222222';
const alex = { id: '33333333-3333-4333-8333-333333333333', displayName: 'Alex' };
const blake = { id: '44444444-4444-4444-8444-444444444444', displayName: 'Blake' };

function renderWithQueries(children: React.ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>,
  );
}

const session: CareSession = {
  id: '55555555-5555-4555-8555-555555555555',
  programId,
  coupleId,
  format: 'joint',
  startsAt: '2099-11-24T23:30:00.000Z',
  endsAt: '2099-11-25T00:20:00.000Z',
  local: { date: '2099-11-24', time: '17:30', endTime: '18:20', timeZone: 'America/Chicago' },
  durationMinutes: 50,
  place: 'Riverside clinic, room 3',
  videoUrl: null,
  status: 'scheduled',
  clinician: { id: '66666666-6666-4666-8666-666666666666', displayName: 'Dr. Casey' },
  participants: [
    { personId: alex.id, displayName: 'Alex', attendance: null },
    { personId: blake.id, displayName: 'Blake', attendance: null },
  ],
  can: { reschedule: false, cancel: false, recordAttendance: false },
};

const homework: MyHomeworkItem = {
  id: '77777777-7777-4777-8777-777777777777',
  programId,
  coupleId,
  kind: 'assessment',
  target: 'gad-7',
  dueDate: '2099-12-01',
  instructions: 'Before our next session',
  assignedAt: '2099-11-20T15:00:00.000Z',
  withdrawn: false,
  doneAt: null,
  how: null,
  overdue: false,
};

describe('my care', () => {
  it('lists my sessions on my own clock, in neutral words', async () => {
    mockServer({ 'GET /api/me/care-sessions': () => ({ status: 200, body: { sessions: [session] } }) });
    renderWithQueries(<MySessions viewerId={alex.id} />);
    const list = await screen.findByRole('list', { name: 'Upcoming sessions' });
    expect(within(list).getByText('Joint session')).toBeTruthy();
    expect(within(list).getByText(/17:30–18:20/)).toBeTruthy();
    expect(within(list).getByText('Times in America/Chicago')).toBeTruthy();
    expect(within(list).getByText('Where: Riverside clinic, room 3')).toBeTruthy();
  });

  it('links my homework to the questionnaire and marks it done', async () => {
    let done = false;
    const { requests } = mockServer({
      'GET /api/me/homework': () => ({
        status: 200,
        body: { homework: [done ? { ...homework, doneAt: '2099-11-21T15:00:00.000Z', how: 'marked' } : homework] },
      }),
      'PUT /api/me/homework/77777777-7777-4777-8777-777777777777/done': () => {
        done = true;
        return { status: 200, body: { ...homework, doneAt: '2099-11-21T15:00:00.000Z', how: 'marked' } };
      },
    });
    const user = userEvent.setup();
    renderWithQueries(<MyHomework />);
    const doIt = await screen.findByRole('link', { name: 'Do it: Worry check (GAD-7)' });
    expect(doIt.getAttribute('href')).toBe('/me/assessments/gad-7');
    expect(screen.getByText('Before our next session')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Mark done: Worry check (GAD-7)' }));
    expect(await screen.findByText(/Done — you marked it on/)).toBeTruthy();
    expect(requests.some((request) => request.method === 'PUT')).toBe(true);
  });

  it('speaks Spanish with tú: the coping tool by its Spanish name', async () => {
    await changeLocale('es', { remember: false });
    mockServer({
      'GET /api/me/homework': () => ({
        status: 200,
        body: { homework: [{ ...homework, kind: 'skill-practice', target: 'urge-surfing', instructions: '' }] },
      }),
    });
    renderWithQueries(<MyHomework />);
    const doIt = await screen.findByRole('link', { name: 'Hacerla: Surfear las ganas' });
    expect(doIt.getAttribute('href')).toBe('/me/coping');
    expect(screen.getByText('Practicar una herramienta')).toBeTruthy();
    expect(screen.getByText(/Tu equipo de atención solo ve si cada tarea está hecha/)).toBeTruthy();
  });

  it('shows a new calendar address once and offers to stop it', async () => {
    let active = false;
    mockServer({
      'GET /api/me/calendar-feed': () => ({ status: 200, body: { active, createdAt: active ? '2099-11-20T15:00:00.000Z' : null } }),
      'POST /api/me/calendar-feed': () => {
        active = true;
        return {
          status: 201,
          body: { url: `http://localhost/api/calendar/${'a'.repeat(43)}/sessions.ics`, createdAt: '2099-11-20T15:00:00.000Z' },
        };
      },
    });
    const user = userEvent.setup();
    renderWithQueries(<CalendarFeedPanel />);
    await user.click(await screen.findByRole('button', { name: 'Make a calendar address' }));
    const address = (await screen.findByLabelText('Your secret calendar address')) as HTMLInputElement;
    expect(address.value).toMatch(/sessions\.ics$/);
    expect(await screen.findByRole('button', { name: 'Stop the calendar address' })).toBeTruthy();
  });
});

describe('the couple, for the clinician', () => {
  it('schedules an individual session by video, with the time on my clock', async () => {
    const { requests } = mockServer({
      [`POST /api/programs/${programId}/couples/${coupleId}/sessions`]: () => ({ status: 201, body: session }),
    });
    const user = userEvent.setup();
    renderWithQueries(<ScheduleSessionForm programId={programId} coupleId={coupleId} partners={[alex, blake]} />);
    await user.selectOptions(screen.getByLabelText('Who takes part'), 'Individual session with Blake');
    await user.type(screen.getByLabelText('Date'), '2099-11-24');
    await user.click(screen.getByRole('radio', { name: 'Video call' }));
    await user.type(screen.getByLabelText('Video-call link'), 'http://insecure.example.org');
    await user.click(screen.getByRole('button', { name: 'Schedule session' }));
    expect(await screen.findByText('Use a link that starts with https://')).toBeTruthy();
    expect(requests.filter((request) => request.method === 'POST')).toEqual([]);
    await user.clear(screen.getByLabelText('Video-call link'));
    await user.type(screen.getByLabelText('Video-call link'), 'https://video.example.org/r/1');
    await user.click(screen.getByRole('button', { name: 'Schedule session' }));
    expect(await screen.findByText(/Session scheduled/)).toBeTruthy();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      format: 'individual',
      partnerId: blake.id,
      start: { date: '2099-11-24', time: '17:00' },
      durationMinutes: 50,
      place: null,
      videoUrl: 'https://video.example.org/r/1',
    });
  });

  it('assigns a communication exercise to both partners', async () => {
    const { requests } = mockServer({
      [`POST /api/programs/${programId}/couples/${coupleId}/homework`]: () => ({ status: 201, body: {} }),
    });
    const user = userEvent.setup();
    renderWithQueries(<AssignHomeworkForm programId={programId} coupleId={coupleId} partners={[alex, blake]} />);
    await user.selectOptions(screen.getByLabelText('What kind'), 'Communication exercise');
    await user.selectOptions(screen.getByLabelText('Which one'), 'Speaker–listener exercise together');
    await user.type(screen.getByLabelText('Due date'), '2099-12-01');
    await user.click(screen.getByRole('button', { name: 'Assign homework' }));
    expect(await screen.findByText(/Homework assigned/)).toBeTruthy();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      assignees: [alex.id, blake.id],
      kind: 'communication-exercise',
      target: 'speaker-listener',
      dueDate: '2099-12-01',
      instructions: '',
    });
  });
});
