import { z } from 'zod';
import type { RelationshipPattern } from '../recovery/intake.schemas';
import type { Substance } from '../recovery/substances';

/**
 * The short supporting-vs-enabling guide of the Boundaries page, with examples chosen from the
 * couple's own situation types.
 *
 * The distinction follows two programs:
 * - CRAFT, Community Reinforcement and Family Training: Smith, J. E., & Meyers, R. J. (2004).
 *   Motivating Substance Abusers to Enter Treatment: Working with Family Members. New York:
 *   Guilford Press. Reward sober behaviour, and let the natural consequences of use happen instead
 *   of shielding the person from them; avoid both rescuing and policing; look after yourself.
 * - BCT: O'Farrell, T. J., & Fals-Stewart, W. (2006). Behavioral Couples Therapy for Alcoholism and
 *   Drug Abuse. New York: Guilford Press. Support the recovery plan (the Recovery Contract, shared
 *   rewarding activities) rather than taking over responsibility for the other partner's sobriety.
 *
 * English and Spanish are written side by side (as the skills library); the web app picks the
 * person's locale. Ids are stable: the server answers with ids only, never with anyone's words.
 */

export const guideSources = {
  craft:
    'Smith, J. E., & Meyers, R. J. (2004). Motivating Substance Abusers to Enter Treatment: Working with Family Members. New York: Guilford Press.',
  bct: "O'Farrell, T. J., & Fals-Stewart, W. (2006). Behavioral Couples Therapy for Alcoholism and Drug Abuse. New York: Guilford Press.",
} as const;

/** Situation types of a couple, each with one example in the guide. Table order is the tie-break order. */
export const situationTypes = [
  'shared-use',
  'money',
  'covering',
  'caretaking',
  'checking',
  'avoiding-conflict',
  'social-events',
  'substance-at-home',
  'medication',
  'stress',
] as const;
export type SituationType = (typeof situationTypes)[number];

/** Shown when the couple has recorded too little to choose from: the classic everyday examples. */
export const genericSituations: readonly SituationType[] = ['money', 'covering', 'checking', 'caretaking'];

/** How many examples the guide shows. */
export const guideSize = 4;

export type GuideLocale = 'en' | 'es';

export interface GuideText {
  situation: string;
  enabling: string;
  supporting: string;
}

export const guideExamples: Record<SituationType, Record<GuideLocale, GuideText>> = {
  'shared-use': {
    en: {
      situation: 'Using together',
      enabling: 'having “just one” together to keep the peace or to feel close.',
      supporting: 'planning evenings that do not involve using, and doing them together.',
    },
    es: {
      situation: 'Consumir juntos',
      enabling: 'tomar o consumir “solo una vez” juntos para evitar problemas o sentirse cerca.',
      supporting: 'planear tardes que no incluyan consumir, y hacerlas juntos.',
    },
  },
  money: {
    en: {
      situation: 'Money',
      enabling: 'paying a debt that came from using, so the problem stays hidden.',
      supporting: 'making a budget together, and saying no to cash that could go to using.',
    },
    es: {
      situation: 'Dinero',
      enabling: 'pagar una deuda que vino del consumo, para que el problema quede oculto.',
      supporting: 'hacer juntos un presupuesto, y decir que no al efectivo que podría ir al consumo.',
    },
  },
  covering: {
    en: {
      situation: 'Covering up',
      enabling: 'calling in sick for your partner after a night of using.',
      supporting: 'letting your partner make that call themselves, and offering to sit with them.',
    },
    es: {
      situation: 'Encubrir',
      enabling: 'llamar al trabajo de tu pareja para decir que está enfermo después de una noche de consumo.',
      supporting: 'dejar que tu pareja haga esa llamada, y ofrecerte a acompañarla.',
    },
  },
  caretaking: {
    en: {
      situation: 'Rescuing',
      enabling: 'taking over every task and cleaning up after use, so your partner never feels its weight.',
      supporting: 'sharing tasks as agreed, letting the effects of use be seen, and taking care of yourself too.',
    },
    es: {
      situation: 'Rescatar',
      enabling: 'hacerte cargo de todo y limpiar después del consumo, para que tu pareja nunca sienta su peso.',
      supporting: 'repartir las tareas como acordaron, dejar que se vean los efectos del consumo, y cuidarte también.',
    },
  },
  checking: {
    en: {
      situation: 'Checking up',
      enabling: 'searching their things or phone: it takes the recovery out of their hands and breeds mistrust on both sides.',
      supporting: 'asking how the day went, listening without questioning, and trusting the daily Trust Discussion.',
    },
    es: {
      situation: 'Vigilar',
      enabling: 'revisar sus cosas o su teléfono: le quita la recuperación de las manos y crea desconfianza en los dos.',
      supporting: 'preguntar cómo le fue, escuchar sin interrogar, y confiar en la charla de confianza diaria.',
    },
  },
  'avoiding-conflict': {
    en: {
      situation: 'Avoiding conflict',
      enabling: 'saying nothing about use so there is no fight, while resentment grows.',
      supporting: 'naming what you see calmly with an “I” statement, and taking a pause if it heats up.',
    },
    es: {
      situation: 'Evitar el conflicto',
      enabling: 'no decir nada sobre el consumo para no pelear, mientras crece el resentimiento.',
      supporting: 'decir con calma lo que ves con una frase en primera persona, y tomar una pausa si sube el tono.',
    },
  },
  'social-events': {
    en: {
      situation: 'Parties and gatherings',
      enabling: 'making excuses to friends or family for how your partner acted at a party.',
      supporting: 'agreeing beforehand how long you stay and how you leave, and leaving together when it gets hard.',
    },
    es: {
      situation: 'Fiestas y reuniones',
      enabling: 'dar excusas a amigos o familia por cómo actuó tu pareja en una fiesta.',
      supporting: 'acordar antes cuánto se quedan y cómo se van, e irse juntos cuando se ponga difícil.',
    },
  },
  'substance-at-home': {
    en: {
      situation: 'At home',
      enabling: 'keeping a supply at home “for guests”, or buying it when asked.',
      supporting: 'agreeing together what stays in the house, and keeping the home a safe place for recovery.',
    },
    es: {
      situation: 'En casa',
      enabling: 'tener reservas en casa “para las visitas”, o comprarlas cuando te lo piden.',
      supporting: 'acordar juntos qué se queda en la casa, y mantener el hogar como un lugar seguro para la recuperación.',
    },
  },
  medication: {
    en: {
      situation: 'Medication',
      enabling: 'sharing or handing over extra pills, or looking away from doses taken other than prescribed.',
      supporting: 'encouraging the medication as prescribed in your contract, and talking with the care team when unsure.',
    },
    es: {
      situation: 'Medicamentos',
      enabling: 'compartir o dar pastillas de más, o mirar hacia otro lado ante dosis que no son las recetadas.',
      supporting: 'animar a tomar el medicamento como está recetado en su contrato, y hablar con el equipo de atención si hay dudas.',
    },
  },
  stress: {
    en: {
      situation: 'Stress and hard days',
      enabling: 'treating use as the way to unwind after a hard day (“you deserve it”).',
      supporting: 'offering another way to unwind together: a walk, a meal, a coping tool from the toolbox.',
    },
    es: {
      situation: 'Estrés y días difíciles',
      enabling: 'ver el consumo como la forma de relajarse después de un día difícil (“te lo mereces”).',
      supporting: 'ofrecer otra forma de relajarse juntos: una caminata, una comida, una de sus herramientas para afrontar.',
    },
  },
};

/**
 * Words that tie a boundary, a trigger label or a trigger situation to a situation type, in
 * English and Spanish, matched as whole words (or word starts, with a trailing *) without accents.
 */
const keywords: Record<SituationType, readonly string[]> = {
  'shared-use': [
    'drink together',
    'drinking together',
    'use together',
    'using together',
    'people i used with',
    'beber juntos',
    'tomar juntos',
    'consumir juntos',
  ],
  money: [
    'money',
    'cash',
    'pay',
    'paid',
    'paying',
    'bill*',
    'debt*',
    'loan*',
    'rent',
    'dinero',
    'pagar',
    'pago',
    'deuda*',
    'cuentas',
    'prestamo*',
    'renta',
  ],
  covering: [
    'cover*',
    'excuse*',
    'call in sick',
    'lie',
    'lies',
    'lying',
    'boss',
    'cubrir',
    'encubrir',
    'excusa*',
    'mentir',
    'mentira*',
    'jefe',
  ],
  caretaking: ['clean up', 'take care', 'rescue*', 'hangover', 'look after', 'cuidar', 'rescatar', 'resaca', 'limpiar'],
  checking: ['check*', 'phone', 'track*', 'search*', 'snoop*', 'spy', 'revisar', 'telefono', 'celular', 'vigilar', 'espiar'],
  'avoiding-conflict': [
    'argument*',
    'argue',
    'fight*',
    'conflict*',
    'yell*',
    'shout*',
    'silent',
    'silence',
    'discusion*',
    'pelea*',
    'conflicto*',
    'gritar',
    'grito*',
    'silencio',
  ],
  'social-events': [
    'party',
    'parties',
    'bar',
    'bars',
    'pub',
    'friends',
    'wedding*',
    'holiday*',
    'celebration*',
    'gathering*',
    'fiesta*',
    'amigos',
    'boda*',
    'reunion*',
    'celebracion*',
  ],
  'substance-at-home': [
    'at home',
    'in the house',
    'fridge',
    'stash',
    'bottle*',
    'beer',
    'wine',
    'liquor',
    'en casa',
    'botella*',
    'cerveza*',
    'vino',
    'licor',
  ],
  medication: ['pill*', 'medication*', 'medicine', 'prescription*', 'dose*', 'pastilla*', 'medicamento*', 'medicina', 'receta*', 'dosis'],
  stress: ['stress*', 'work', 'job', 'deadline*', 'tired*', 'tiredness', 'estres', 'trabajo', 'cansad*', 'agotad*'],
};

/** The relationship patterns of the intake reflection and the situation types they point to. */
const patternSituations: Record<RelationshipPattern, readonly SituationType[]> = {
  'shared-use': ['shared-use'],
  enabling: ['money', 'covering'],
  'caretaker-dependent': ['caretaking', 'checking'],
  'avoiding-conflict': ['avoiding-conflict'],
};

/** Substances of an intake and the situation types around them. */
const substanceSituations: Partial<Record<Substance, readonly SituationType[]>> = {
  alcohol: ['substance-at-home', 'social-events'],
  cannabis: ['substance-at-home'],
  nicotine: ['substance-at-home'],
  opioids: ['medication'],
  benzodiazepines: ['medication'],
  stimulants: ['money'],
  cocaine: ['money', 'social-events'],
  methamphetamine: ['money'],
  hallucinogens: ['social-events'],
};

export const patternAnswers = ['not-at-all', 'sometimes', 'often', 'unsure'] as const;
type PatternAnswer = (typeof patternAnswers)[number];
const patternWeight: Record<PatternAnswer, number> = { often: 3, sometimes: 2, unsure: 1, 'not-at-all': 0 };

/** Where a reason for an example came from; `partner-*` only when the partner shares that kind with the viewer. */
export const guideReasonSources = [
  'my-reflection',
  'my-intake',
  'my-triggers',
  'our-boundaries',
  'partner-reflection',
  'partner-intake',
  'partner-triggers',
] as const;
export type GuideReasonSource = (typeof guideReasonSources)[number];

/** What the viewer may see, gathered through the access rules (never anyone's private data). */
export interface GuideSignals {
  myPatterns: Partial<Record<RelationshipPattern, PatternAnswer | null>> | null;
  mySubstances: readonly Substance[];
  /** Trigger labels and situations of the viewer's own trigger log. */
  myTriggerTexts: readonly string[];
  /** Both partners' boundaries (joint: both see them). */
  boundaryTexts: readonly string[];
  /** Only what the partner shares with the viewer; null / empty otherwise. */
  partnerPatterns: Partial<Record<RelationshipPattern, PatternAnswer | null>> | null;
  partnerSubstances: readonly Substance[];
  partnerTriggerTexts: readonly string[];
}

export const guideReasonSchema = z.object({
  source: z.enum(guideReasonSources),
  detail: z.string().nullable().describe('The pattern or substance id, when the source is a reflection or an intake.'),
});
export type GuideReason = z.infer<typeof guideReasonSchema>;

export const guideExampleSchema = z.object({
  situation: z.enum(situationTypes),
  personal: z.boolean().describe('Chosen from the couple’s own situations (false: a general example to fill the guide).'),
  reasons: z.array(guideReasonSchema),
});
export type GuideExample = z.infer<typeof guideExampleSchema>;

export const enablingGuideSchema = z.object({
  examples: z
    .array(guideExampleSchema)
    .describe(`${guideSize} examples, most relevant first; the words are in core/src/together/enabling-guide.ts.`),
});
export type EnablingGuide = z.infer<typeof enablingGuideSchema>;

function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

const keywordPatterns = Object.fromEntries(
  situationTypes.map((situation) => [
    situation,
    keywords[situation].map((word) => {
      const stem = word.endsWith('*') ? word.slice(0, -1) : word;
      const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
      return new RegExp(`(^|[^a-z0-9])${escaped}${word.endsWith('*') ? '' : '(?![a-z0-9])'}`);
    }),
  ]),
) as Record<SituationType, RegExp[]>;

/** The situation types a text speaks of (a boundary, a trigger label, a situation), by keyword. */
export function situationsInText(text: string): SituationType[] {
  const plain = normalize(text);
  return situationTypes.filter((situation) => keywordPatterns[situation].some((pattern) => pattern.test(plain)));
}

/**
 * Chooses the guide's examples from the couple's situations. Each signal adds to the score of the
 * situation types it points to: a reflection pattern by how much it fits ("often" 3, "sometimes"
 * 2, "unsure" 1, "not at all" 0), a boundary 2, a trigger 2 (once per source and type), a
 * substance 1. The highest scores come first (ties in table order); when fewer than `guideSize`
 * situations scored, general examples fill the guide (`personal: false`). Pure: the same signals
 * give the same guide.
 */
export function selectGuideExamples(signals: GuideSignals, size = guideSize): GuideExample[] {
  const scores = new Map<SituationType, { score: number; reasons: GuideReason[] }>();
  const add = (situation: SituationType, score: number, reason: GuideReason) => {
    if (score <= 0) {
      return;
    }
    const entry = scores.get(situation) ?? { score: 0, reasons: [] };
    entry.score += score;
    if (!entry.reasons.some((r) => r.source === reason.source && r.detail === reason.detail)) {
      entry.reasons.push(reason);
    }
    scores.set(situation, entry);
  };
  const fromPatterns = (patterns: GuideSignals['myPatterns'], source: GuideReasonSource) => {
    for (const [pattern, answer] of Object.entries(patterns ?? {}) as Array<[RelationshipPattern, PatternAnswer | null]>) {
      for (const situation of patternSituations[pattern] ?? []) {
        add(situation, answer ? patternWeight[answer] : 0, { source, detail: pattern });
      }
    }
  };
  const fromSubstances = (substances: readonly Substance[], source: GuideReasonSource) => {
    for (const substance of substances) {
      for (const situation of substanceSituations[substance] ?? []) {
        add(situation, 1, { source, detail: substance });
      }
    }
  };
  const fromTexts = (texts: readonly string[], weight: number, source: GuideReasonSource) => {
    const found = new Set(texts.flatMap(situationsInText));
    for (const situation of found) {
      add(situation, weight, { source, detail: null });
    }
  };
  fromPatterns(signals.myPatterns, 'my-reflection');
  fromTexts(signals.boundaryTexts, 2, 'our-boundaries');
  fromTexts(signals.myTriggerTexts, 2, 'my-triggers');
  fromSubstances(signals.mySubstances, 'my-intake');
  fromPatterns(signals.partnerPatterns, 'partner-reflection');
  fromTexts(signals.partnerTriggerTexts, 2, 'partner-triggers');
  fromSubstances(signals.partnerSubstances, 'partner-intake');

  const personal = [...scores]
    .sort(([a, x], [b, y]) => y.score - x.score || situationTypes.indexOf(a) - situationTypes.indexOf(b))
    .slice(0, size)
    .map(([situation, { reasons }]): GuideExample => ({ situation, personal: true, reasons }));
  const fill = genericSituations
    .filter((situation) => !personal.some((example) => example.situation === situation))
    .slice(0, Math.max(0, size - personal.length))
    .map((situation): GuideExample => ({ situation, personal: false, reasons: [] }));
  return [...personal, ...fill];
}
