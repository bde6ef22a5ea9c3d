import { describe, expect, it } from 'vitest';
import { attachmentMidpoint, attachmentPattern, attachmentPatternCopy } from './attachment';
import type { AttachmentPatternId } from './attachment';

const calm = { anxiety: 2, avoidance: 2 };
const anxious = { anxiety: 5.5, avoidance: 2.5 };
const avoidant = { anxiety: 2.5, avoidance: 5.5 };
const both = { anxiety: 5, avoidance: 5 };

describe('attachmentPattern', () => {
  it.each<[string, { anxiety: number; avoidance: number }, { anxiety: number; avoidance: number }, AttachmentPatternId]>([
    ['both calm', calm, calm, 'steady'],
    ['one higher on anxiety, the other on avoidance', anxious, avoidant, 'pursue-withdraw'],
    ['the same, the other way round', avoidant, anxious, 'pursue-withdraw'],
    ['both higher on anxiety', anxious, anxious, 'both-anxious'],
    ['both higher on avoidance', avoidant, avoidant, 'both-avoidant'],
    ['one calm, one higher on anxiety', calm, anxious, 'mixed'],
    ['one calm, one higher on avoidance', avoidant, calm, 'mixed'],
    ['one higher on both dimensions', both, avoidant, 'mixed'],
    ['both higher on both dimensions', both, both, 'mixed'],
  ])('%s: %s', (_name, a, b, id) => {
    expect(attachmentPattern(a, b).id).toBe(id);
    expect(attachmentPattern(b, a).id).toBe(id);
  });

  it('counts only means above the midpoint 4 as higher (4 itself is the neutral middle)', () => {
    expect(attachmentMidpoint).toBe(4);
    expect(attachmentPattern({ anxiety: 4, avoidance: 4 }, { anxiety: 4, avoidance: 4 }).id).toBe('steady');
    // 4.17 = 25/6, the smallest ECR-S mean above 4
    expect(attachmentPattern({ anxiety: 4.17, avoidance: 4 }, { anxiety: 4, avoidance: 4.17 })).toMatchObject({
      id: 'pursue-withdraw',
      a: { higherAnxiety: true, higherAvoidance: false },
      b: { higherAnxiety: false, higherAvoidance: true },
    });
  });

  it('says the threshold is a Twofold design choice, not from Wei 2007', () => {
    expect(attachmentPattern(calm, calm).source).toMatch(/Twofold design choice/);
  });

  it('refuses means outside the 1-7 scale', () => {
    expect(() => attachmentPattern({ anxiety: 0.5, avoidance: 2 }, calm)).toThrow(RangeError);
    expect(() => attachmentPattern(calm, { anxiety: 2, avoidance: 7.5 })).toThrow(RangeError);
    expect(() => attachmentPattern(calm, { anxiety: Number.NaN, avoidance: 2 })).toThrow(RangeError);
  });
});

describe('attachmentPatternCopy', () => {
  it('has a title, a summary and something that helps for every pattern', () => {
    const ids: AttachmentPatternId[] = ['pursue-withdraw', 'both-anxious', 'both-avoidant', 'steady', 'mixed'];
    expect(Object.keys(attachmentPatternCopy).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      expect(attachmentPatternCopy[id].title.length).toBeGreaterThan(0);
      expect(attachmentPatternCopy[id].summary.length).toBeGreaterThan(0);
      expect(attachmentPatternCopy[id].whatHelps.length).toBeGreaterThan(0);
    }
  });

  it('labels no person with an attachment type and blames no one', () => {
    const text = JSON.stringify(attachmentPatternCopy);
    expect(text).not.toMatch(
      /preoccupied|dismissing|fearful|\bsecure|insecure|\banxious type|\bavoidant type|your fault|clingy|needy|cold\b/i,
    );
  });
});
