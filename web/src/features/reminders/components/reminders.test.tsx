import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { defaultReminderSettings } from '@twofold/core/reminders/reminder.schemas';
import { mockServer } from '../../../test/mock-server';
import { ReminderList } from './reminder-list';
import { ReminderSettingsForm } from './reminder-settings-form';

const reminderId = '16161616-1616-4161-8161-161616161616';

function renderWithQueries(children: React.ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>,
  );
}

const settingsAnswer = (settings = defaultReminderSettings) => ({
  status: 200,
  body: { settings, timeZone: 'America/Chicago', waitingKinds: [], push: { publicKey: null }, updatedAt: null },
});

describe('reminder settings', () => {
  it('saves a check-in time and medication times in my time zone, with push off where the server has no keys', async () => {
    const { requests } = mockServer({
      'GET /api/me/reminder-settings': () => settingsAnswer(),
      'PUT /api/me/reminder-settings': (request) => settingsAnswer(request.body as typeof defaultReminderSettings),
    });
    const user = userEvent.setup();
    renderWithQueries(<ReminderSettingsForm />);
    expect(await screen.findByText(/Times are in your time zone, America\/Chicago/)).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Notifications on this device' }) as HTMLInputElement).disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'My daily check-in' }));
    const time = screen.getByLabelText('Check-in reminder time');
    await user.clear(time);
    await user.type(time, '21:30');
    await user.click(screen.getByRole('checkbox', { name: 'My medication' }));
    await user.click(screen.getByRole('button', { name: 'Add a time' }));
    await user.click(screen.getByRole('button', { name: 'Save reminders' }));
    expect(await screen.findByRole('status')).toBeTruthy();
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.body).toMatchObject({
      checkIn: { enabled: true, time: '21:30' },
      medication: { enabled: true, times: ['08:00', '20:00'] },
      channels: { inApp: true, email: false, push: false },
    });
  });
});

describe('my reminders', () => {
  it('lists a reminder by kind and snoozes it for an hour', async () => {
    let snoozed = false;
    const { requests } = mockServer({
      'GET /api/me/reminders': () => ({
        status: 200,
        body: {
          reminders: snoozed
            ? []
            : [{ id: reminderId, kind: 'check-in', dueAt: '2026-11-26T02:00:00.000Z', shownAt: '2026-11-26T02:00:30.000Z' }],
        },
      }),
      'POST /api/me/reminders/:id/snooze': () => {
        snoozed = true;
        return { status: 200, body: { snoozedUntil: '2026-11-26T03:00:30.000Z' } };
      },
    });
    const user = userEvent.setup();
    renderWithQueries(<ReminderList />);
    const item = await screen.findByRole('listitem');
    expect(within(item).getByText('Your daily check-in')).toBeTruthy();
    await user.click(within(item).getByRole('button', { name: '1 hour' }));
    expect(await screen.findByText('No reminders right now.')).toBeTruthy();
    const post = requests.find((request) => request.method === 'POST');
    expect(post?.path).toBe(`/api/me/reminders/${reminderId}/snooze`);
    expect(post?.body).toEqual({ for: '1-hour' });
  });
});
