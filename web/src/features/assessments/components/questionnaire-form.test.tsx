import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { instruments } from '@twofold/core/assessments/instruments';
import { mockServer, problem } from '../../../test/mock-server';
import type { ServedInstrument, Submitted } from '../api/use-assessments';
import { QuestionnaireForm } from './questionnaire-form';

const savedId = '77777777-7777-4777-8777-777777777777';

function savedAssessment(answers: Record<string, number>) {
  return {
    id: savedId,
    instrumentId: 'phq-9',
    instrumentVersion: '1.0.0',
    date: '2026-11-25',
    submittedAt: '2026-11-25T10:00:00.000Z',
    total: 1,
    subscales: null,
    band: { id: 'minimal', label: 'None or minimal', source: 'Kroenke 2001' },
    positive: null,
    rule: 'sum',
    scorerVersion: '1.0.0',
    answers,
    safetyFlow: null,
  };
}

function renderForm(instrument: ServedInstrument, onSubmitted = vi.fn()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <QuestionnaireForm
          instrument={instrument}
          onSubmitted={onSubmitted}
          renderCrisis={(flow) => <p>Crisis lines for {flow}</p>}
          notNowLink={<a href="/me/assessments">Skip this for now</a>}
        />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return onSubmitted;
}

const phq9 = instruments['phq-9'] as ServedInstrument;

async function answerAll(user: ReturnType<typeof userEvent.setup>, count: number, item9: string) {
  for (let n = 1; n <= count; n += 1) {
    const group = screen.getByRole('group', { name: new RegExp(`^Question ${n}\\b`) });
    await user.click(within(group).getByRole('radio', { name: n === 9 ? item9 : 'Not at all' }));
  }
}

describe('filling in a questionnaire', () => {
  it('shows the crisis lines the moment PHQ-9 item 9 is answered above 0, before anything is sent', async () => {
    const { requests } = mockServer({});
    const user = userEvent.setup();
    renderForm(phq9);
    expect(screen.queryByText('Crisis lines for self-harm')).toBeNull();
    const item9 = screen.getByRole('group', { name: /^Question 9\b/ });
    await user.click(within(item9).getByRole('radio', { name: 'Several days' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Crisis lines for self-harm')).toBeTruthy();
    expect(within(alert).getByText('Your partner is never told about your answers.')).toBeTruthy();
    expect(requests.filter((request) => request.method === 'POST')).toEqual([]);
    expect(within(alert).queryByText(/please call or text 988 now/)).toBeNull();
    // "More than half the days" or more: said more plainly (a Twofold design choice drawn from Simon 2013).
    await user.click(within(item9).getByRole('radio', { name: 'More than half the days' }));
    expect(within(screen.getByRole('alert')).getByText(/please call or text 988 now/)).toBeTruthy();
    // Back to "not at all": the panel goes away.
    await user.click(within(item9).getByRole('radio', { name: 'Not at all' }));
    expect(screen.queryByText('Crisis lines for self-harm')).toBeNull();
  });

  it('names the questions still unanswered and sends nothing', async () => {
    const { requests } = mockServer({});
    const user = userEvent.setup();
    renderForm(phq9);
    await user.click(screen.getByRole('button', { name: 'Save my answers' }));
    expect(await screen.findByText('9 questions still need an answer.')).toBeTruthy();
    expect(screen.getAllByText('Please choose an answer.')).toHaveLength(9);
    expect(requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('sends the same submissionId again on a retry, and takes a 409 on the retry as already saved', async () => {
    let posts = 0;
    const { requests } = mockServer({
      'POST /api/me/assessments': () => {
        posts += 1;
        // The first answer is lost on the way back (the server saved it); the retry is refused as a replay.
        return posts === 1
          ? problem(503, 'service-unavailable', 'Busy.')
          : problem(409, 'conflict', 'This questionnaire was already saved.');
      },
      'GET /api/me/assessments': () => ({ status: 200, body: { assessments: [savedAssessment({})] } }),
    });
    const user = userEvent.setup();
    const onSubmitted = renderForm(phq9);
    await answerAll(user, 9, 'Not at all');
    await user.click(screen.getByRole('button', { name: 'Save my answers' }));
    await user.click(await screen.findByRole('button', { name: 'Try saving again' }));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledTimes(1));
    const sent = requests
      .filter((request) => request.method === 'POST')
      .map((request) => request.body as { submissionId: string; answers: object });
    expect(sent).toHaveLength(2);
    expect(sent[0]?.submissionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]?.submissionId).toBe(sent[0]?.submissionId);
    expect(sent[0]?.answers).toEqual({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0, '8': 0, '9': 0 });
    const result = onSubmitted.mock.calls[0]?.[0] as Submitted;
    expect(result.alreadySaved).toBe(true);
    expect(result.assessment.id).toBe(savedId);
    expect(requests.some((request) => request.method === 'GET' && request.search === '?instrumentId=phq-9')).toBe(true);
  });

  it('asks the PC-PTSD-5 trauma question first, offers to skip, and sends only the gate when it is No', async () => {
    const { requests } = mockServer({
      'POST /api/me/assessments': (request) => ({
        status: 201,
        body: {
          assessment: {
            ...savedAssessment((request.body as { answers: Record<string, number> }).answers),
            instrumentId: 'pc-ptsd-5',
            total: 0,
          },
          safety: null,
        },
      }),
    });
    const user = userEvent.setup();
    const onSubmitted = renderForm(instruments['pc-ptsd-5'] as ServedInstrument);
    expect(screen.getAllByRole('group')).toHaveLength(1);
    const gate = screen.getByRole('group', { name: /Have you ever experienced this kind of event/ });
    expect(within(gate).getByRole('link', { name: 'Skip this for now' }).getAttribute('href')).toBe('/me/assessments');
    await user.click(within(gate).getByRole('radio', { name: 'Yes' }));
    expect(screen.getAllByRole('group')).toHaveLength(6);
    await user.click(within(gate).getByRole('radio', { name: 'No' }));
    expect(screen.getAllByRole('group')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Save my answers' }));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalled());
    const post = requests.find((request) => request.method === 'POST');
    expect((post?.body as { answers: object }).answers).toEqual({ gate: 0 });
  });

  it('asks which AUDIT-C threshold applies and sends "not stated" when the person would rather not say', async () => {
    const { requests } = mockServer({
      'POST /api/me/assessments': () => ({
        status: 201,
        body: { assessment: { ...savedAssessment({}), instrumentId: 'audit-c' }, safety: null },
      }),
    });
    const user = userEvent.setup();
    renderForm(instruments['audit-c'] as ServedInstrument);
    await user.click(
      within(screen.getByRole('group', { name: 'Which cut-off should we use for you?' })).getByRole('radio', {
        name: 'I’d rather not say',
      }),
    );
    for (const [n, answer] of [
      [1, 'Monthly or less'],
      [2, '1 or 2'],
      [3, 'Never'],
    ] as const) {
      await user.click(within(screen.getByRole('group', { name: new RegExp(`^Question ${n}\\b`) })).getByRole('radio', { name: answer }));
    }
    await user.click(screen.getByRole('button', { name: 'Save my answers' }));
    await waitFor(() => expect(requests.some((request) => request.method === 'POST')).toBe(true));
    expect(requests.find((request) => request.method === 'POST')?.body).toMatchObject({
      instrumentId: 'audit-c',
      auditCThreshold: 'not-stated',
      answers: { '1': 1, '2': 0, '3': 0 },
    });
  });
});
