/**
 * How two partners' ECR-S results can meet, for the short psychoeducation both see once both have chosen
 * to share their ECR-S with each other (Capability 7; reference §6).
 *
 * What is Twofold's and not Wei 2007's: ECR-S has no published cut-offs. "Higher" on a dimension here means
 * a mean above the scale midpoint (4, "neutral/mixed"), and the pattern rules below are a Twofold design
 * choice for choosing which explanation to show. They are not a classification from the literature.
 *
 * No type labels for a person (no "secure", "preoccupied", "dismissing" or "fearful"): the result names a
 * pattern between two people, and the copy speaks of what each of you may tend to do under stress, never
 * of what someone is. The English copy lives here as data next to the rule; the web app translates it by key
 * (`attachment.<pattern id>.title|summary|whatHelps.<n>`).
 */

/** The scale midpoint of the 1–7 agreement scale. A Twofold design choice, not a published cut-off. */
export const attachmentMidpoint = 4;

export type AttachmentPatternId = 'pursue-withdraw' | 'both-anxious' | 'both-avoidant' | 'steady' | 'mixed';

export interface AttachmentScores {
  anxiety: number;
  avoidance: number;
}

/** Where one partner's means sit relative to the midpoint: above it (`true`) or at or below it. */
export interface AttachmentLeaning {
  higherAnxiety: boolean;
  higherAvoidance: boolean;
}

export interface AttachmentPattern {
  id: AttachmentPatternId;
  /** The midpoint applied, so the UI can say "above the middle of the scale". */
  midpoint: number;
  source: string;
  a: AttachmentLeaning;
  b: AttachmentLeaning;
}

function leaningOf(scores: AttachmentScores, who: string): AttachmentLeaning {
  for (const [name, value] of Object.entries(scores)) {
    if (!Number.isFinite(value) || value < 1 || value > 7) {
      throw new RangeError(`attachmentPattern: ${who}.${name} must be an ECR-S mean between 1 and 7, got ${value}`);
    }
  }
  return { higherAnxiety: scores.anxiety > attachmentMidpoint, higherAvoidance: scores.avoidance > attachmentMidpoint };
}

function isOnlyAnxiety(leaning: AttachmentLeaning): boolean {
  return leaning.higherAnxiety && !leaning.higherAvoidance;
}

function isOnlyAvoidance(leaning: AttachmentLeaning): boolean {
  return leaning.higherAvoidance && !leaning.higherAnxiety;
}

/**
 * The pattern two partners' ECR-S means make (symmetric: swapping a and b gives the same id):
 * - `steady`: neither partner is above the midpoint on either dimension;
 * - `pursue-withdraw`: one is above it on anxiety only, the other on avoidance only;
 * - `both-anxious`: both above on anxiety only; `both-avoidant`: both above on avoidance only;
 * - `mixed`: any other combination (e.g. one partner above on both, or only one partner above on anything).
 * Throws a RangeError for a mean outside 1–7. Call it only when both partners share their ECR-S with each other.
 */
export function attachmentPattern(a: AttachmentScores, b: AttachmentScores): AttachmentPattern {
  const leanA = leaningOf(a, 'a');
  const leanB = leaningOf(b, 'b');
  const noneHigher = (leaning: AttachmentLeaning): boolean => !leaning.higherAnxiety && !leaning.higherAvoidance;
  let id: AttachmentPatternId = 'mixed';
  if (noneHigher(leanA) && noneHigher(leanB)) {
    id = 'steady';
  } else if ((isOnlyAnxiety(leanA) && isOnlyAvoidance(leanB)) || (isOnlyAvoidance(leanA) && isOnlyAnxiety(leanB))) {
    id = 'pursue-withdraw';
  } else if (isOnlyAnxiety(leanA) && isOnlyAnxiety(leanB)) {
    id = 'both-anxious';
  } else if (isOnlyAvoidance(leanA) && isOnlyAvoidance(leanB)) {
    id = 'both-avoidant';
  }
  return {
    id,
    midpoint: attachmentMidpoint,
    source: 'Twofold design choice: above the scale midpoint (4) on the ECR-S dimensions of Wei et al. 2007, which publishes no cut-offs',
    a: leanA,
    b: leanB,
  };
}

export interface AttachmentPatternCopy {
  title: string;
  summary: string;
  whatHelps: string[];
}

/** English source copy for each pattern: non-blaming, about the two of you, never a label for one person. */
export const attachmentPatternCopy: Record<AttachmentPatternId, AttachmentPatternCopy> = {
  'pursue-withdraw': {
    title: 'Reaching out and stepping back',
    summary:
      'When things feel tense, one of you may tend to reach for closeness and reassurance, and the other may tend to need some space. Each response makes sense on its own. Together they can feed each other: the more one reaches, the more the other steps back, and the other way round. Many couples know this cycle; it is something between you, not a fault in either of you.',
    whatHelps: [
      'Name the cycle together, as something you are both up against rather than each other.',
      'The one who needs space can say when they will come back to the conversation; the one who needs closeness can ask for one small, specific reassurance.',
      'Use the conflict pause with an agreed time to return, so a pause never feels like leaving.',
    ],
  },
  'both-anxious': {
    title: 'Both reaching for closeness',
    summary:
      'Both of you may tend to look for closeness and reassurance when things feel uncertain. That can bring a lot of warmth. Under stress it can also mean you are both waiting to feel reassured at the same moment.',
    whatHelps: [
      'Take turns: one of you shares while the other listens, then swap.',
      'Say plainly what would help right now, such as a hug or ten minutes to talk.',
      'Keep small, reliable moments of connection, like the daily trust discussion.',
    ],
  },
  'both-avoidant': {
    title: 'Both giving each other space',
    summary:
      'Both of you may tend to give each other room and handle things on your own when stress rises. That can feel calm and respectful. It can also mean that hard things go unsaid for a while.',
    whatHelps: [
      'Plan short, regular times to check in, so talking does not wait for a crisis.',
      'Start small: share one feeling from today.',
      'Use the speaker–listener exercise to keep harder talks brief and safe.',
    ],
  },
  steady: {
    title: 'Mostly at ease with closeness',
    summary:
      'Right now neither of you reports much worry about closeness or much discomfort with it. Stress can still bring out different needs, and answers can change over time.',
    whatHelps: [
      'Keep doing what works, like the daily trust discussion and noticing what the other does well.',
      'Check in with each other again when life gets more stressful.',
    ],
  },
  mixed: {
    title: 'Your own mix',
    summary:
      'Your answers do not fall into one simple pattern, and that is common. Each of you may need different things at different times: closeness, space, or some of both.',
    whatHelps: [
      'Talk about what each of you tends to need when stressed, and what helps you feel safe.',
      'Ask for what you need directly, rather than hoping the other will guess.',
    ],
  },
};
