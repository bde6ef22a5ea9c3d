import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Plan, PlanVersion } from '@twofold/core/setbacks/plan.schemas';
import { planProposalLink } from '../../features/setbacks/plan-link';
import { alexMe, ids, mockServer, alexAndBlake as couple } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';
import { Providers } from '../providers';
import { createQueryClient } from '../query-client';
import { routes } from '../routes';

const versionId = '77777777-7777-4777-8777-777777777777';

function version(signatures: string[]): PlanVersion {
  return {
    id: versionId,
    version: 3,
    change: 'shared',
    sections: [
      {
        partnerId: ids.alex,
        warningSigns: [{ kind: 'behaviour', text: 'Skipping my Tuesday group', watch: { signal: 'sleep-poor', days: 3 } }],
        highRiskSituations: ['Payday Fridays'],
        iWillDo: ['Call Sam'],
        partnerCanDo: ['Ask me for a walk'],
        partnerWillNot: ['Check my phone'],
      },
      {
        partnerId: ids.blake,
        warningSigns: [{ kind: 'feeling', text: 'Resentment I keep to myself' }],
        highRiskSituations: [],
        iWillDo: ['Go to Al-Anon'],
        partnerCanDo: [],
        partnerWillNot: [],
      },
    ],
    shared: {
      lapseResponses: { firstHour: ['Stay safe, call a support'], firstDay: [], firstWeek: [] },
      supports: [
        { name: 'Sam', role: 'sponsor', phone: '+1 (555) 010-2000', email: '' },
        { name: 'Dr Rivera', role: 'counsellor', phone: '', email: 'rivera@example.org' },
      ],
      groups: [
        {
          groupId: 'smart',
          name: 'SMART Recovery',
          finderUrl: 'https://meetings.smartrecovery.org/meetings/',
          people: [ids.alex],
          attendance: 'attends',
        },
      ],
      reviewDate: '2026-11-01',
    },
    createdBy: ids.blake,
    createdAt: '2026-11-24T19:00:00.000Z',
    signatures: signatures.map((partnerId) => ({ partnerId, signedAt: '2026-11-24T19:05:00.000Z' })),
    signedByBothAt: signatures.length === 2 ? '2026-11-24T19:05:00.000Z' : null,
    can: { sign: !signatures.includes(ids.alex) },
  };
}

function planOf(signatures: string[], review: Plan['review']['state'] = 'upcoming'): Plan {
  const latest = version(signatures);
  return {
    active: latest.signedByBothAt ? latest : null,
    latest,
    review: { state: review, reviewDate: review === 'none' ? null : '2026-11-01', today: '2026-11-25' },
    can: { editMySection: true, editShared: true },
  };
}

function server(routesExtra: Record<string, Parameters<typeof mockServer>[0][string]>) {
  return mockServer({
    'GET /api/me': () => ({ status: 200, body: alexMe }),
    'GET /api/couple': () => ({ status: 200, body: couple }),
    'GET /api/couple/joint-features': () => ({ status: 200, body: { status: 'open' } }),
    'GET /api/me/safety-screen': () => ({ status: 200, body: { status: 'answered' } }),
    'GET /api/couple/pause': () => ({
      status: 200,
      body: { pause: null, settings: { coolDownMinutes: 20, proposal: null }, serverNow: '2026-11-25T10:00:00.000Z' },
    }),
    'GET /api/couple/plan/suggestions': () => ({ status: 200, body: { suggestions: [], lookedAtDays: 3 } }),
    ...routesExtra,
  });
}

describe('the Continuing Recovery Plan page', () => {
  it('shows both sections, supports one tap away, and lets me sign only for myself', async () => {
    let signatures = [ids.blake];
    const { requests } = server({
      'GET /api/couple/plan': () => ({ status: 200, body: planOf(signatures) }),
      'POST /api/couple/plan/versions/:id/sign': () => {
        signatures = [ids.blake, ids.alex];
        return { status: 200, body: version(signatures) };
      },
    });
    renderApp('/us/plan');
    expect(await screen.findByText('Version 3 waits for your signature; Blake has signed.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Your section' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Blake’s section' })).toBeTruthy();
    expect(screen.getByText('Resentment I keep to myself')).toBeTruthy();
    expect(screen.getByText('Noticed in my check-ins: Poor sleep, 3 days in a row')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Call Sam' }).getAttribute('href')).toBe('tel:+15550102000');
    expect(screen.getByRole('link', { name: 'Text Sam' }).getAttribute('href')).toBe('sms:+15550102000');
    expect(screen.getByRole('link', { name: 'E-mail Dr Rivera' }).getAttribute('href')).toBe('mailto:rivera@example.org');
    const finder = screen.getByRole('link', { name: 'Find a meeting: SMART Recovery (opens their website)' });
    expect(finder.getAttribute('href')).toBe('https://meetings.smartrecovery.org/meetings/');
    expect(finder.getAttribute('rel')).toBe('noopener noreferrer');
    await userEvent.click(screen.getByRole('button', { name: 'I agree: sign version 3' }));
    expect(await screen.findByText('Version 3 is in force: you both signed it.')).toBeTruthy();
    expect(requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /api/couple/plan/versions/${versionId}/sign`,
    ]);
    // Suggestions are computed from my check-ins only when I open them.
    expect(requests.some((r) => r.path === '/api/couple/plan/suggestions')).toBe(false);
  });

  it('opens my own section with a proposed change from the lapse reflection, and saves only my section', async () => {
    const { requests } = server({
      'GET /api/couple/plan': () => ({ status: 200, body: planOf([ids.alex, ids.blake]) }),
      'PUT /api/couple/plan/my-section': () => ({ status: 200, body: planOf([]) }),
    });
    const link = planProposalLink('Text Sam before payday');
    const router = createMemoryRouter(routes, { initialEntries: [{ pathname: link.to, state: link.state }] });
    const queryClient = createQueryClient();
    queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } });
    render(
      <StrictMode>
        <Providers queryClient={queryClient}>
          <RouterProvider router={router} />
        </Providers>
      </StrictMode>,
    );
    const form = await screen.findByRole('form', { name: 'My section of the plan' });
    expect(
      within(form).getByText('Your proposed change is added to “What I will do”. Save it; then you both sign the new version.'),
    ).toBeTruthy();
    expect((within(form).getByLabelText('What I will do') as HTMLTextAreaElement).value).toBe('Call Sam\nText Sam before payday');
    // The proposal is read once: the location state is cleared.
    expect(router.state.location.state).toBeNull();
    await userEvent.click(within(form).getByRole('button', { name: '+ Ask me again and again whether I used' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save as a new version' }));
    expect(await screen.findByText('Version 3 waits for both signatures.')).toBeTruthy();
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe('/api/couple/plan/my-section');
    expect(put?.body).toEqual({
      baseVersionId: versionId,
      section: {
        warningSigns: [{ kind: 'behaviour', text: 'Skipping my Tuesday group', watch: { signal: 'sleep-poor', days: 3 } }],
        highRiskSituations: ['Payday Fridays'],
        iWillDo: ['Call Sam', 'Text Sam before payday'],
        partnerCanDo: ['Ask me for a walk'],
        partnerWillNot: ['Check my phone', 'Ask me again and again whether I used'],
      },
    });
  });

  it('reminds me to review on the plan page once the date has come, and opens the shared part', async () => {
    server({ 'GET /api/couple/plan': () => ({ status: 200, body: planOf([ids.alex, ids.blake], 'due') }) });
    renderApp('/us/plan');
    expect(await screen.findByText('Time to review your plan together (review date November 1, 2026).')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Review the plan now' }));
    expect(await screen.findByRole('form', { name: 'What we agree together' })).toBeTruthy();
  });

  it('shows the review reminder on the "us" screen, with a link to the plan', async () => {
    server({ 'GET /api/couple/plan': () => ({ status: 200, body: planOf([ids.alex, ids.blake], 'due') }) });
    renderApp('/us');
    expect(await screen.findByText('Time to review your plan together (review date November 1, 2026).')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the plan' }).getAttribute('href')).toBe('/us/plan');
  });

  it('asks nothing about the plan on the "us" screen while joint features are closed', async () => {
    const { requests } = server({
      'GET /api/couple/joint-features': () => ({ status: 200, body: { status: 'not-available-yet' } }),
      'GET /api/couple/plan': () => ({ status: 200, body: planOf([ids.alex, ids.blake], 'due') }),
    });
    renderApp('/us');
    expect(await screen.findByRole('heading', { name: 'Partners' })).toBeTruthy();
    expect(screen.queryByText(/Time to review your plan/)).toBeNull();
    expect(requests.some((r) => r.path === '/api/couple/plan')).toBe(false);
  });

  it('adds a suggestion from my own check-ins as a warning sign in one tap', async () => {
    const { requests } = server({
      'GET /api/couple/plan': () => ({ status: 200, body: planOf([ids.alex, ids.blake]) }),
      'GET /api/couple/plan/suggestions': () => ({
        status: 200,
        body: {
          lookedAtDays: 30,
          suggestions: [
            {
              id: 'conflict-then-craving',
              kind: 'conflict-then-craving',
              basedOnDays: 29,
              figures: { compared: 6, others: 23, averageAfter: 6.5, averageOtherwise: 2.1 },
              warningSign: { kind: 'situation', watch: { signal: 'conflict-high', days: 1 } },
            },
          ],
        },
      }),
      'PUT /api/couple/plan/my-section': () => ({ status: 200, body: planOf([]) }),
    });
    renderApp('/us/plan');
    await userEvent.click(await screen.findByText('Suggestions from your own check-ins'));
    expect(
      await screen.findByText(
        'After high-conflict days, your craving the next day averaged 6.5 out of 10, against 2.1 after other days (6 and 23 days).',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/Based on 29 of your days\./)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Add “A day of high conflict with my partner” as a warning sign' }));
    await screen.findByText('Version 3 waits for both signatures.');
    const put = requests.find((r) => r.method === 'PUT');
    expect((put?.body as { section: { warningSigns: unknown[] } }).section.warningSigns.at(-1)).toEqual({
      kind: 'situation',
      text: 'A day of high conflict with my partner',
      watch: { signal: 'conflict-high', days: 1 },
    });
  });
});
