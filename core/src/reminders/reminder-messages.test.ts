import { describe, expect, it } from 'vitest';
import { reminderChannels } from './reminder.schemas';
import { allowedReminderTexts, outgoingReminder } from './reminder-messages';

describe('what a reminder says outside the app', () => {
  it('uses only the fixed, neutral words on every channel', () => {
    for (const channel of reminderChannels.filter((c) => c !== 'in-app')) {
      const message = outgoingReminder(channel);
      for (const text of [message.title, message.body, message.path]) {
        expect(allowedReminderTexts.has(text), `${channel}: ${text}`).toBe(true);
      }
      expect(message.body).toBe('You have a reminder in Twofold');
    }
  });

  it('names no kind of reminder, health word or partner', () => {
    const words = [...allowedReminderTexts].join(' ').toLowerCase();
    for (const sensitive of [
      'check-in',
      'check in',
      'medication',
      'trust',
      'assessment',
      'craving',
      'partner',
      'session',
      'plan',
      'recovery',
      'drink',
      'use',
    ]) {
      expect(words).not.toContain(sensitive);
    }
  });
});
