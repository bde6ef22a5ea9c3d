import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ids, mockServer } from '../../../test/mock-server';
import { GoalForm, GoalList } from './goals';

const goalId = '14141414-1414-4141-8141-141414141414';
const stepId = '15151515-1515-4151-8151-151515151515';

function goal(stepDone: boolean) {
  return {
    id: goalId,
    title: 'Three meetings this week',
    why: 'They help me stay steady.',
    dueDate: '2026-11-30',
    completedAt: null,
    steps: [{ id: stepId, title: 'Find a meeting nearby', dueDate: '2026-11-26', doneAt: stepDone ? '2026-11-25T10:00:00.000Z' : null }],
    createdAt: '2026-11-24T10:00:00.000Z',
    can: { edit: true },
  };
}

function renderWithQueries(children: React.ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(<QueryClientProvider client={queryClient}>{children}</QueryClientProvider>);
}

describe('my goals', () => {
  it('ticks a step off with its own PUT, and shows the progress', async () => {
    let done = false;
    const { requests } = mockServer({
      'GET /api/me/goals': () => ({ status: 200, body: { ownerId: ids.alex, goals: [goal(done)] } }),
      'PUT /api/me/goals/:id/steps/:stepId/done': (request) => {
        done = (request.body as { done: boolean }).done;
        return { status: 200, body: goal(done) };
      },
    });
    const user = userEvent.setup();
    renderWithQueries(<GoalList />);
    expect(await screen.findByText(/0 of 1 steps done/)).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: /Find a meeting nearby/ }));
    expect(await screen.findByText(/1 of 1 steps done/)).toBeTruthy();
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.path).toBe(`/api/me/goals/${goalId}/steps/${stepId}/done`);
    expect(put?.body).toEqual({ done: true });
  });

  it('needs a title, then saves the goal with only the steps that have one', async () => {
    const { requests } = mockServer({
      'POST /api/me/goals': (request) => ({ status: 201, body: { ...goal(false), ...(request.body as object) } }),
    });
    const user = userEvent.setup();
    renderWithQueries(<GoalForm />);
    await user.click(screen.getByRole('button', { name: 'Save goal' }));
    expect(await screen.findByText('Give the goal a name.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Goal')));
    await user.type(screen.getByLabelText('Goal'), 'Sleep before midnight');
    await user.type(screen.getByLabelText('Step 1'), 'Phone out of the bedroom');
    await user.click(screen.getByRole('button', { name: 'Add a step' }));
    await user.click(screen.getByRole('button', { name: 'Save goal' }));
    expect(await screen.findByText('Goal saved.')).toBeTruthy();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      title: 'Sleep before midnight',
      why: '',
      dueDate: null,
      steps: [{ title: 'Phone out of the bedroom', dueDate: null }],
    });
    expect(within(screen.getByRole('group', { name: 'Steps' })).getAllByRole('textbox')).toHaveLength(1);
  });
});
