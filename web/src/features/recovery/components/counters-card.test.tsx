import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import type { RecoverySummary } from '@twofold/core/recovery/checkin.schemas';
import { summary } from '../../../test/recovery-fixtures';
import { CountersCard } from './counters-card';

const base = summary as RecoverySummary;

describe('counters card', () => {
  it('shows days since last use and total sober days side by side, each explained', () => {
    render(<CountersCard summary={base} intakeLink={<a href="/me/intake">intake</a>} />);
    const stats = screen.getByText('Days since last use').closest('dl')!;
    expect(within(stats).getByText('Days since last use').nextElementSibling?.textContent).toBe('9 days');
    expect(within(stats).getByText('Total sober days').nextElementSibling?.textContent).toBe('23 days');
    expect(screen.getByText(/a day with use never erases them/)).toBeTruthy();
    expect(screen.getByText('7 more sober days to 30 in total.')).toBeTruthy();
  });

  it('celebrates a milestone reached this week, lists the others, and shows notes from the partner', () => {
    render(<CountersCard summary={base} intakeLink={null} />);
    expect(screen.getByRole('status').textContent).toContain('You reached 7 days in a row!');
    const milestones = screen.getByRole('heading', { name: 'Milestones' }).nextElementSibling!;
    expect(
      within(milestones as HTMLElement)
        .getAllByRole('listitem')
        .map((item) => item.textContent?.split(' ·')[0]),
    ).toEqual(['★7 days in a row', '★7 sober days in total', '★1 day in a row']);
    expect(screen.getByText('Proud of you this week.')).toBeTruthy();
    expect(screen.getByText(/From Blake/)).toBeTruthy();
  });

  it('does not celebrate an old milestone, and leaves out partner notes when there are none', () => {
    render(
      <CountersCard
        summary={{ ...base, milestones: [{ counter: 'total', days: 7, reachedOn: '2026-11-07' }], encouragements: [] }}
        intakeLink={null}
      />,
    );
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByText('Notes from your partner')).toBeNull();
  });

  it('tells a supporting partner the counters belong to the partner in recovery', () => {
    render(
      <CountersCard
        summary={{ ...base, inRecovery: false, milestones: [] }}
        intakeLink={<a href="/me/intake">Change this in the intake</a>}
      />,
    );
    expect(screen.getByText(/The counters belong to the partner in recovery/)).toBeTruthy();
    expect(screen.queryByText('Days since last use')).toBeNull();
  });

  it('before the intake, invites it instead of treating the person as a supporting partner', () => {
    render(<CountersCard summary={{ ...base, inRecovery: false, milestones: [] }} intakeDone={false} intakeLink={null} />);
    expect(screen.getByText(/Your counters start once you have answered/)).toBeTruthy();
    expect(screen.queryByText(/supporting your partner/)).toBeNull();
  });
});
