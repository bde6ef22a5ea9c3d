import { describe, expect, it } from 'vitest';
import { checkDraft } from '@twofold/core/communication/blame-helper';
import { kindsFound, segmentDraft } from './highlight';

describe('blame highlighting', () => {
  it('cuts the draft into plain and flagged pieces that put it back together unchanged', () => {
    const draft = 'You always forget, and you never listen to me.';
    const { findings } = checkDraft(draft);
    const segments = segmentDraft(draft, findings);
    expect(segments.map((s) => s.text).join('')).toBe(draft);
    expect(segments.filter((s) => s.kind).map((s) => s.kind)).toEqual(['always-never', 'always-never']);
    expect(segments.find((s) => s.kind)?.text.toLowerCase()).toContain('you always');
  });

  it('flags nothing in an "I" statement', () => {
    const draft = 'I feel lonely when we eat apart, because dinner is our time. I would like us to eat together.';
    const segments = segmentDraft(draft, checkDraft(draft).findings);
    expect(segments).toEqual([{ text: draft, kind: null }]);
  });

  it('merges overlapping findings so no word shows twice', () => {
    const segments = segmentDraft('abcdefgh', [
      { start: 1, end: 5, kind: 'blame' },
      { start: 3, end: 7, kind: 'absolute' },
    ]);
    expect(segments).toEqual([
      { text: 'a', kind: null },
      { text: 'bcde', kind: 'blame' },
      { text: 'fg', kind: 'absolute' },
      { text: 'h', kind: null },
    ]);
  });

  it('lists each kind once, in reading order', () => {
    expect(
      kindsFound([
        { start: 10, end: 12, kind: 'blame' },
        { start: 0, end: 3, kind: 'name-calling' },
        { start: 20, end: 25, kind: 'blame' },
      ]),
    ).toEqual(['name-calling', 'blame']);
  });
});
