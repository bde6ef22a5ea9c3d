import { describe, expect, it } from 'vitest';
import { skillIds, skills } from './skills';
import { connectionQuestionFor, connectionQuestions } from './connection-questions';
import { groundingFor, groundingIds, groundingText } from './pause-content';

describe('communication content', () => {
  it('has every skill in English and Spanish, with as many steps in each, and a source', () => {
    expect(skills.map((skill) => skill.id)).toEqual([...skillIds]);
    for (const skill of skills) {
      expect(skill.sources.length).toBeGreaterThan(0);
      expect(skill.text.es.steps).toHaveLength(skill.text.en.steps.length);
      for (const text of [skill.text.en, skill.text.es]) {
        expect(text.title && text.summary && text.practicePrompt).toBeTruthy();
      }
    }
  });

  it('picks the same connection question for a couple and day, every time, with unique ids in both languages', () => {
    expect(new Set(connectionQuestions.map((q) => q.id)).size).toBe(connectionQuestions.length);
    expect(connectionQuestions.every((q) => q.text.en.endsWith('?') && q.text.es.endsWith('?'))).toBe(true);
    const couple = '7d4f3c1e-0000-4000-8000-000000000001';
    expect(connectionQuestionFor(couple, '2026-11-25')).toBe(connectionQuestionFor(couple, '2026-11-25'));
    const month = Array.from({ length: 30 }, (_, day) => connectionQuestionFor(couple, `2026-11-${String(day + 1).padStart(2, '0')}`).id);
    expect(new Set(month).size).toBeGreaterThan(10);
  });

  it('has a grounding text for every suggestion, fixed per pause', () => {
    for (const id of groundingIds) {
      expect(groundingText.en[id] && groundingText.es[id]).toBeTruthy();
    }
    expect(groundingFor('a-pause')).toBe(groundingFor('a-pause'));
  });
});
