/**
 * What both phones show during a conflict pause (time-out): a grounding suggestion and the prompt
 * to come back. Time-out as agreed in advance, cooling down apart, and returning to finish the talk
 * follow BCT (O'Farrell & Fals-Stewart 2006) and ABCT (McCrady & Epstein 2009); the grounding
 * exercises are the coping toolbox's (5-4-3-2-1, paced breathing). Ids are stable.
 */
import type { SkillLocale } from './skills';

export const groundingIds = ['five-senses', 'paced-breathing', 'walk', 'cold-water', 'name-the-feeling', 'stretch'] as const;
export type GroundingId = (typeof groundingIds)[number];

export const groundingText: Record<SkillLocale, Record<GroundingId, string>> = {
  en: {
    'five-senses': 'Look around and name 5 things you can see, 4 you can touch, 3 you can hear, 2 you can smell and 1 you can taste.',
    'paced-breathing': 'Breathe in slowly for 4 counts, hold for a moment, and breathe out for 6. Repeat ten times.',
    walk: 'Take a short walk, inside or outside. Notice your feet on the ground with each step.',
    'cold-water': 'Run cool water over your hands or wash your face, and take three slow breaths.',
    'name-the-feeling': 'Name what you feel, in one or two words, without judging it. Feelings rise and fall like waves.',
    stretch: 'Stand up, roll your shoulders, and stretch your arms up high. Let your jaw and hands relax.',
  },
  es: {
    'five-senses':
      'Mira a tu alrededor y nombra 5 cosas que puedas ver, 4 que puedas tocar, 3 que puedas oír, 2 que puedas oler y 1 que puedas saborear.',
    'paced-breathing': 'Inspira despacio contando hasta 4, aguanta un momento y espira contando hasta 6. Repítelo diez veces.',
    walk: 'Da un paseo corto, dentro o fuera. Fíjate en tus pies en el suelo a cada paso.',
    'cold-water': 'Pon las manos bajo el agua fresca o lávate la cara, y respira despacio tres veces.',
    'name-the-feeling': 'Pon nombre a lo que sientes, en una o dos palabras, sin juzgarlo. Los sentimientos suben y bajan como olas.',
    stretch: 'Ponte de pie, mueve los hombros y estira los brazos hacia arriba. Relaja la mandíbula y las manos.',
  },
};

export const pauseText: Record<SkillLocale, { during: string; returnPrompt: string; notBlame: string }> = {
  en: {
    during: 'You are both taking a pause to cool down. This is part of your plan, and it is working.',
    returnPrompt: 'Time to come back and finish the talk, calmly, one at a time. If it heats up again, you can take another pause.',
    notBlame: 'Calling a pause is a sign of care for each other. Nobody is at fault for needing one.',
  },
  es: {
    during: 'Los dos están haciendo una pausa para calmarse. Es parte de su plan, y está funcionando.',
    returnPrompt: 'Es hora de volver y terminar la conversación, con calma y por turnos. Si vuelve a calentarse, pueden hacer otra pausa.',
    notBlame: 'Pedir una pausa es una muestra de cuidado mutuo. Nadie tiene la culpa de necesitarla.',
  },
};

/** The suggestion for one pause: fixed for that pause, so both phones show the same one. */
export function groundingFor(pauseId: string): GroundingId {
  let hash = 0;
  for (const char of pauseId) {
    hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  }
  return groundingIds[hash % groundingIds.length]!;
}
