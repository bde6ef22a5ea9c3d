/**
 * The "I" statement helper: spots blaming patterns in a draft and suggests the "I feel … when …
 * because … I would like …" template. Pure and local (no node imports, no outside service), so
 * the web app runs it on the phone and the server's stateless check gives the same answer.
 *
 * What it flags and why: the patterns that communication-skills training in BCT and ABCT asks
 * partners to replace with "I" statements (O'Farrell & Fals-Stewart 2006; McCrady & Epstein 2009):
 * "you always / you never" generalisations, name-calling and labels (including stigmatising ones
 * such as "addict" or "drunk"), mind-reading (telling the partner what they think or want),
 * absolutes ("every time you …"), blame ("it's your fault", "you made me …") and a few sarcasm
 * markers that are reliable on their own ("yeah, right", "thanks for nothing").
 *
 * Decisions (see blame-helper.test.ts for the table):
 * - Praise is not blame. "You're always so thoughtful" and "you make me laugh" are not flagged:
 *   a "you always", "you make me" or "everything you do" whose clause carries a warm word
 *   (thoughtful, kind, help, there for me, laugh …) and no negation is left alone. "You never"
 *   is flagged unless it is "you never fail to …" with a warm word.
 * - Only sentences about "you" are flagged: "I always feel better after a walk" is fine.
 * - Idioms: "you never know" / "you never can tell" (the generic you) are not flagged.
 * - Negations soften: "you're not lazy", "you don't always have to" are not flagged.
 * - Quoted words ("…", “…”, «…») are reported speech, not the writer's words to the partner:
 *   not flagged.
 * - English and Spanish patterns always both run: people mix languages, and the patterns do not
 *   collide. The locale only chooses the language of the suggested template.
 * It is a helper, not a judge: it can miss things and it never blocks sending anything.
 */

export const blameKinds = ['always-never', 'name-calling', 'mind-reading', 'absolute', 'blame', 'sarcasm'] as const;
export type BlameKind = (typeof blameKinds)[number];
export type HelperLocale = 'en' | 'es';

export interface BlameFinding {
  /** UTF-16 offsets into the draft, as JavaScript's String.slice takes them. */
  start: number;
  end: number;
  kind: BlameKind;
}

export interface DraftCheck {
  findings: BlameFinding[];
  /** The rewrite template, when something was found. */
  suggestion: { template: string; parts: string[] } | null;
}

/** What each kind means, for the screen beside a highlighted span. */
export const blameKindText: Record<HelperLocale, Record<BlameKind, string>> = {
  en: {
    'always-never': '"Always" and "never" turn one moment into a verdict. Try describing this one time.',
    'name-calling': 'Labels hurt and make listening hard. Try describing what happened instead.',
    'mind-reading': 'Only your partner knows what they think or want. Try asking, or saying what you feel.',
    absolute: 'Words like "every time" leave no room. Try talking about one moment.',
    blame: 'Blame starts a defence, not a talk. Try saying how it affected you.',
    sarcasm: 'Sarcasm can sting more than it says. Try saying it plainly.',
  },
  es: {
    'always-never': '"Siempre" y "nunca" convierten un momento en un veredicto. Prueba a describir esta vez.',
    'name-calling': 'Las etiquetas hieren y dificultan escuchar. Prueba a describir lo que pasó.',
    'mind-reading': 'Solo tu pareja sabe lo que piensa o quiere. Prueba a preguntar, o a decir lo que sientes.',
    absolute: 'Palabras como "cada vez" no dejan espacio. Prueba a hablar de un momento concreto.',
    blame: 'La culpa provoca defensa, no conversación. Prueba a decir cómo te afectó.',
    sarcasm: 'El sarcasmo puede doler más de lo que dice. Prueba a decirlo claramente.',
  },
};

export const iStatementTemplate: Record<HelperLocale, { template: string; parts: string[] }> = {
  en: { template: 'I feel … when … because … I would like …', parts: ['I feel …', 'when …', 'because …', 'I would like …'] },
  es: { template: 'Me siento … cuando … porque … Me gustaría …', parts: ['Me siento …', 'cuando …', 'porque …', 'Me gustaría …'] },
};

// Word edges that also work for accented letters (JavaScript's \b only knows ASCII).
const B = "(?<![\\p{L}\\p{N}_'])";
const E = '(?![\\p{L}\\p{N}_])';
const re = (source: string) => new RegExp(source, 'giu');

const praiseWords = re(
  `${B}(?:thoughtful|kind|kindest|sweet|generous|patient|caring|care for me|there for me|being there|help(?:s|ed|ing|ful)?|support(?:s|ive|ing)?|know how to|make me (?:laugh|smile|feel (?:loved|safe|better|good|special|heard)|happy|proud)|laugh|smile|happy|proud|loved|safe|better|listen(?:s|ing)?|understand(?:s|ing)?|remember(?:s|ing)?|honest|brave|strong|wonderful|amazing|lovely|great|good to me|calm|gentle|fun|funny|beautiful|handsome|right|cheer me up|(?:do|did|does) for (?:me|us)|matters|atent[oa]s?|amables?|cariños[oa]s?|generos[oa]s?|paciente|ahí para mí|me ayudas|ayudas|apoyas|me apoyas|me escuchas|escuchas|reír|feliz|sonreír|razón|buen[oa]|maravillos[oa]|especial|por mí|me cuidas|cuidas)${E}`,
);
const negationWords = re(`${B}(?:not|no|n't|never|don't|doesn't|didn't|isn't|aren't|nunca|jamás|nada)${E}|n't${E}`);

/** Praise: the clause after the match carries a warm word and no negation. */
function isPraise(text: string, end: number): boolean {
  const rest = text.slice(end);
  const clauseEnd = rest.search(/[.!?;,\n]|\s(?:but|pero|aunque)\s/u);
  const clause = clauseEnd === -1 ? rest : rest.slice(0, clauseEnd);
  praiseWords.lastIndex = 0;
  negationWords.lastIndex = 0;
  return praiseWords.test(clause) && !negationWords.test(clause);
}

interface Pattern {
  kind: BlameKind;
  regex: RegExp;
  /** Matched but not blame: an idiom, a negation, a polite question, praise. */
  isException?: (text: string, start: number, end: number, match: RegExpExecArray) => boolean;
}

const enInsultNouns = 'idiot|moron|loser|jerk|liar|drunk|junkie|addict|alcoholic|failure|coward|psycho|bitch|bastard|asshole|pig|slob';
const enInsultAdjectives =
  'stupid|dumb|lazy|selfish|useless|worthless|pathetic|crazy|hopeless|disgusting|spineless|heartless|cold|cruel|insane';
const esInsults =
  'idiota|estúpid[oa]|tont[oa]|imbécil|inútil|egoísta|vag[oa]|perezos[oa]|mentiros[oa]|borrach[oa]|drogadict[oa]|adict[oa]|alcohólic[oa]|fracasad[oa]|patétic[oa]|loc[oa]|cobarde|despreciable|egoísta|frí[oa]|cruel';
// Words after "siempre/nunca" that end like a second-person verb but are not one.
const esNotVerbs = new Set([
  'más',
  'jamás',
  'además',
  'demás',
  'atrás',
  'detrás',
  'después',
  'antes',
  'veces',
  'cosas',
  'días',
  'horas',
  'meses',
  'tres',
  'mes',
  'es',
  'personas',
  'casas',
]);
const esClitic = '(?:me|te|nos|lo|la|le|les|se\\s+me)';
const esYouVerb = `(?:tú\\s+)?(?:${esClitic}\\s+)?(\\p{L}+(?:as|es|ás|és))${E}`;

const patterns: Pattern[] = [
  // Name-calling and labels aimed at "you" (a negation before the label is not matched: "you're not lazy").
  {
    kind: 'name-calling',
    regex: re(
      `${B}(?:you're|you are|you were|you've been|you)\\s+(?:(?:such|so|a|an|just|really|totally|completely|being|nothing but|the most|a total|a complete|an absolute|a real|a big|such a|fucking|damn)\\s+){0,3}(?:${enInsultNouns}|${enInsultAdjectives})${E}`,
    ),
    isException: (text, _start, end) => /^\s+(?:about|for)\b/iu.test(text.slice(end)),
  },
  {
    kind: 'name-calling',
    regex: re(
      `${B}(?:eres|estás|fuiste|tú,?)\\s+(?:(?:un|una|muy|tan|un completo|una completa|un maldito|una maldita|más)\\s+){0,2}(?:${esInsults})${E}`,
    ),
    isException: (text, start) => /(?:^|\s)no\s+$/iu.test(text.slice(Math.max(0, start - 4), start)),
  },
  // Blame.
  {
    kind: 'blame',
    regex: re(
      `${B}(?:it's|it is|it was|this is|that's|that is)\\s+(?:all\\s+)?your\\s+fault${E}|${B}because of you${E}|${B}you made me${E}|${B}look what you (?:did|made me do)${E}|${B}what(?:'s| is) wrong with you${E}`,
    ),
  },
  {
    kind: 'blame',
    regex: re(`${B}you make me${E}`),
    isException: (text, _start, end) => isPraise(text, end - 'make me'.length),
  },
  {
    kind: 'blame',
    regex: re(`${B}(?:(?:es|fue)\\s+(?:toda\\s+)?)?(?:por\\s+)?tu\\s+culpa${E}|${B}mira lo que (?:hiciste|has hecho)${E}`),
  },
  {
    kind: 'blame',
    regex: re(`${B}me\\s+(?:haces|hiciste|obligas a|obligaste a)${E}`),
    isException: (text, _start, end) => isPraise(text, end - 'haces'.length),
  },
  // Mind-reading: telling the partner what they think, want or feel.
  {
    kind: 'mind-reading',
    regex: re(
      `${B}(?:you(?:'re)?\\s+(?:just|only)\\s+(?:want|wanted|wants|care about|cared about|think about|trying)|all you (?:want|care about|think about))${E}` +
        `|${B}you (?:don't|do not|didn't|never) (?:even |really )?(?:care|cared|love me|want me|want us|listen because)${E}` +
        `|${B}you(?:'re)?\\s+(?:\\p{L}+\\s+){0,3}on purpose${E}` +
        `|${B}you know (?:exactly|perfectly well) (?:what|how|why)${E}` +
        `|${B}you (?:obviously|clearly) (?:don't|do not|think|want|care)${E}` +
        `|${B}I know what you're (?:thinking|up to|really thinking)${E}` +
        `|${B}you think you're (?:better|so)${E}` +
        `|${B}you want me to fail${E}`,
    ),
    isException: (text, _start, end, match) => /care$/iu.test(match[0]) && /^\s+for\s+(?!me|us)\p{L}/iu.test(text.slice(end)),
  },
  {
    kind: 'mind-reading',
    regex: re(
      `${B}no te (?:importa|importo|importamos)${E}|${B}(?:tú\\s+)?solo (?:quieres|piensas en)${E}|${B}lo (?:haces|hiciste|has hecho) a propósito${E}|${B}sé lo que (?:piensas|estás pensando)${E}|${B}no me quieres${E}|${B}te da igual${E}`,
    ),
    isException: (text, _start, end, match) => /importa$/iu.test(match[0]) && /^\s+(?:si|que)\s/iu.test(text.slice(end)),
  },
  // "You always" / "you never".
  {
    kind: 'always-never',
    regex: re(`${B}you(?:'re| are|'ve| have| just| really)?\\s+(always|never|constantly)${E}`),
    isException: (text, _start, end, match) => {
      const rest = text.slice(end);
      const word = match[1]!.toLowerCase();
      if (word === 'never') {
        if (
          /^\s+(?:know|can tell)\s*(?:[.,!?;:…)]|$)/iu.test(rest) ||
          /^\s+know\s+(?:when|if|who|whether|what\s+(?:might|will|could|can|may|happens))\b/iu.test(rest)
        ) {
          return true;
        }
        return /^\s+(?:fail|cease)s?\s+to\b/iu.test(rest) && isPraise(text, end);
      }
      return isPraise(text, end);
    },
  },
  {
    kind: 'always-never',
    regex: re(`${B}(?:siempre|nunca|jamás)\\s+${esYouVerb}`),
    isException: (text, _start, end, match) => esNotVerbs.has(match[1]!.toLowerCase()) || isPraise(text, end),
  },
  // Absolutes about the partner.
  {
    kind: 'absolute',
    regex: re(`${B}(?:every(?: single)? time|each time) you${E}|${B}(?:nothing|everything) you (?:do|say|did|said)${E}`),
    isException: (text, _start, end) => isPraise(text, end),
  },
  {
    kind: 'absolute',
    regex: re(`${B}cada vez que\\s+${esYouVerb}|${B}(?:nada|todo) (?:de )?lo que (?:haces|dices|hiciste|dijiste)${E}`),
    isException: (text, _start, end, match) => (match[1] !== undefined && esNotVerbs.has(match[1].toLowerCase())) || isPraise(text, end),
  },
  // Sarcasm: only markers that are sarcastic on their own.
  {
    kind: 'sarcasm',
    regex: re(
      `${B}yeah,?\\s+right(?=\\s*(?:[.!?…]|$))|${B}thanks for nothing${E}|${B}real mature${E}|${B}big surprise${E}|(?<=\\s|^)/s(?=\\s*$)|${B}gracias por nada${E}|${B}menuda sorpresa${E}`,
    ),
  },
];

/** Spans in double quotes, curly quotes or «guillemets»: reported speech, not flagged. */
function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const quote of [/"[^"\n]*"/gu, /“[^”\n]*”/gu, /«[^»\n]*»/gu]) {
    for (const match of text.matchAll(quote)) {
      ranges.push([match.index, match.index + match[0].length]);
    }
  }
  return ranges;
}

/** The blaming patterns in `draft`, in text order, with nested duplicates removed. */
export function findBlamePatterns(draft: string): BlameFinding[] {
  // Curly apostrophes count as straight ones; one character for one, so offsets stay true.
  const text = draft.replaceAll('\u2019', "'");
  const quoted = quotedRanges(text);
  const found: BlameFinding[] = [];
  for (const pattern of patterns) {
    pattern.regex.lastIndex = 0;
    for (const match of text.matchAll(pattern.regex)) {
      const start = match.index;
      const end = start + match[0].length;
      if (quoted.some(([from, to]) => start >= from && start < to)) {
        continue;
      }
      if (pattern.isException?.(text, start, end, match as RegExpExecArray)) {
        continue;
      }
      found.push({ start, end, kind: pattern.kind });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: BlameFinding[] = [];
  for (const finding of found) {
    if (!kept.some((other) => finding.start >= other.start && finding.end <= other.end)) {
      kept.push(finding);
    }
  }
  return kept;
}

/** Checks a draft: the spans found and, when there are any, the "I" statement template to try. */
export function checkDraft(draft: string, locale: HelperLocale = 'en'): DraftCheck {
  const findings = findBlamePatterns(draft);
  return { findings, suggestion: findings.length > 0 ? iStatementTemplate[locale] : null };
}
