import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ids, mockServer } from '../../../test/mock-server';
import { summary } from '../../../test/recovery-fixtures';
import { PartnerMilestones } from './partner-milestones';

function renderFor(partnerId: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <PartnerMilestones partnerId={partnerId} partnerName="Blake" />
    </QueryClientProvider>,
  );
}

describe("partner's milestones", () => {
  it('says plainly when they are not shared (a 404)', async () => {
    mockServer({});
    renderFor(ids.blake);
    expect(await screen.findByText('Blake hasn’t shared their milestones with you.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send note' })).toBeNull();
  });

  it('shows shared milestones and sends a short note of encouragement for the latest one', async () => {
    const { requests } = mockServer({
      'GET /api/people/:id/recovery-summary': () => ({
        status: 200,
        body: { ...summary, ownerId: ids.blake, encouragements: [], can: { encourage: true } },
      }),
      'POST /api/people/:id/encouragements': () => ({ status: 204 }),
    });
    const user = userEvent.setup();
    renderFor(ids.blake);
    expect(await screen.findByText('7 days in a row')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send note' }));
    expect(await screen.findByText('Write a few words first.')).toBeTruthy();
    await user.type(screen.getByLabelText('A note of encouragement for Blake'), 'A whole week!');
    await user.click(screen.getByRole('button', { name: 'Send note' }));
    expect(await screen.findByText('Sent. Blake will see it with their milestones.')).toBeTruthy();
    const post = requests.find((request) => request.method === 'POST');
    expect(post?.path).toBe(`/api/people/${ids.blake}/encouragements`);
    expect(post?.body).toEqual({ message: 'A whole week!', milestoneDays: 7 });
  });
});
