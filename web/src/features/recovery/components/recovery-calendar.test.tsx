import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import type { Checkin } from '@twofold/core/recovery/checkin.schemas';
import { checkin, today } from '../../../test/recovery-fixtures';
import { RecoveryCalendar } from './recovery-calendar';

function renderCalendar(checkins: Checkin[], onMonthChange = vi.fn(), lapseDates: string[] = []) {
  render(
    <MemoryRouter>
      <RecoveryCalendar
        month="2026-11"
        today={today}
        checkins={checkins}
        startDate="2026-11-10"
        onMonthChange={onMonthChange}
        fillInPath={(date) => `/me/today?date=${date}`}
        lapseDates={lapseDates}
      />
    </MemoryRouter>,
  );
  return onMonthChange;
}

function cell(dayOfMonth: number): HTMLElement {
  const cells = screen.getAllByRole('cell').filter((td) => td.querySelector('.calendar__num')?.textContent === String(dayOfMonth));
  return cells[0]!;
}

describe('my calendar', () => {
  it('shows a lapse report day as a day with use, with or without a check-in, and never fills it in', () => {
    renderCalendar([checkin('2026-11-21', { craving: 2 }) as Checkin], vi.fn(), ['2026-11-15', '2026-11-21']);
    expect(cell(15).textContent).toContain('Sunday, November 15: Use, lapse report');
    expect(cell(15).querySelector('.calendar__mark')?.textContent).toBe('●');
    expect(within(cell(15)).queryByRole('link')).toBeNull();
    expect(cell(21).textContent).toContain('Saturday, November 21: Use, lapse report, craving 2 of 10');
    expect(cell(16).textContent).toContain('Monday, November 16: No check-in');
  });

  it('marks a day with use, a day without, a late entry and a missing day, in words and not by colour alone', () => {
    renderCalendar([
      checkin('2026-11-20', { used: true, substancesUsed: ['alcohol'], craving: 8 }) as Checkin,
      checkin('2026-11-21', { craving: 2, isLate: true }) as Checkin,
      checkin(today, { craving: 3 }) as Checkin,
    ]);
    expect(cell(20).textContent).toContain('Friday, November 20: Use, craving 8 of 10');
    expect(cell(20).querySelector('.calendar__mark')?.textContent).toBe('●');
    expect(cell(20).className).toContain('calendar__day--craving-high');
    expect(cell(21).textContent).toContain('Saturday, November 21: No use, craving 2 of 10, Filled in later');
    expect(cell(21).querySelector('.calendar__mark')?.textContent).toBe('○*');
    expect(cell(25).getAttribute('aria-current')).toBe('date');

    // A missed day after the start is a link to fill it in; a day before the start is not.
    const missed = within(cell(22)).getByRole('link');
    expect(missed.textContent).toContain('Sunday, November 22: No check-in (fill in this day)');
    expect(missed.getAttribute('href')).toBe('/me/today?date=2026-11-22');
    expect(within(cell(5)).queryByRole('link')).toBeNull();
    expect(cell(5).textContent).toContain('before your recovery start date');
    // Days still to come carry no mark.
    expect(cell(28).textContent).not.toContain('No check-in');
  });

  it('moves between months but not past the current one', async () => {
    const onMonthChange = renderCalendar([]);
    const user = userEvent.setup();
    expect(screen.getByRole('heading', { name: 'November 2026' })).toBeTruthy();
    expect((screen.getByRole('button', { name: /Next month/ }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: /Previous month/ }));
    expect(onMonthChange).toHaveBeenCalledWith(-1);
  });
});
