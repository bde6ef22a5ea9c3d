import { describe, expect, it } from 'vitest';
import { type BlameKind, checkDraft, findBlamePatterns } from './blame-helper';

/** Drafts the helper must flag: the draft, the kind, and the words it should highlight. */
const mustFlag: Array<[string, BlameKind, string]> = [
  ['You always leave the dishes for me.', 'always-never', 'You always'],
  ['you never listen to me', 'always-never', 'you never'],
  ['You’re always late.', 'always-never', 'You’re always'],
  ["You're constantly on your phone.", 'always-never', "You're constantly"],
  ['You have never once asked how I am.', 'always-never', 'You have never'],
  ["You're an idiot.", 'name-calling', "You're an idiot"],
  ['you are so lazy', 'name-calling', 'you are so lazy'],
  ["You're such a selfish person", 'name-calling', "You're such a selfish"],
  ["You're nothing but a drunk.", 'name-calling', "You're nothing but a drunk"],
  ['you are an addict', 'name-calling', 'you are an addict'],
  ['Eres un egoísta.', 'name-calling', 'Eres un egoísta'],
  ['eres una mentirosa', 'name-calling', 'eres una mentirosa'],
  ['You just want to win this.', 'mind-reading', 'You just want'],
  ["You don't care about us.", 'mind-reading', "You don't care"],
  ["You don't even care.", 'mind-reading', "You don't even care"],
  ['You did it on purpose.', 'mind-reading', 'You did it on purpose'],
  ['You know exactly what you did.', 'mind-reading', 'You know exactly what'],
  ['All you care about is work.', 'mind-reading', 'All you care about'],
  ['No te importa nada.', 'mind-reading', 'No te importa'],
  ['Solo quieres tener razón.', 'mind-reading', 'Solo quieres'],
  ['Lo haces a propósito.', 'mind-reading', 'Lo haces a propósito'],
  ["It's all your fault.", 'blame', "It's all your fault"],
  ['You made me do it.', 'blame', 'You made me'],
  ['You make me feel small.', 'blame', 'You make me'],
  ['Es tu culpa.', 'blame', 'Es tu culpa'],
  ['Por tu culpa llegamos tarde.', 'blame', 'Por tu culpa'],
  ['Me haces daño cuando gritas.', 'blame', 'Me haces'],
  ['Every time you go out, this happens.', 'absolute', 'Every time you'],
  ['Nothing you do is enough.', 'absolute', 'Nothing you do'],
  ['Cada vez que sales pasa lo mismo.', 'absolute', 'Cada vez que sales'],
  ['Nunca me escuchas.', 'always-never', 'Nunca me escuchas'],
  ['Tú siempre llegas tarde.', 'always-never', 'siempre llegas'],
  ['Siempre estás con el móvil.', 'always-never', 'Siempre estás'],
  ['Jamás lo reconoces.', 'always-never', 'Jamás lo reconoces'],
  ['Oh, you cleaned up? Yeah, right.', 'sarcasm', 'Yeah, right'],
  ['Thanks for nothing.', 'sarcasm', 'Thanks for nothing'],
  ['Real mature.', 'sarcasm', 'Real mature'],
  ['Gracias por nada.', 'sarcasm', 'Gracias por nada'],
  ['I said "fine" and you never listened.', 'always-never', 'you never'],
];

/** Drafts the helper must leave alone, with the reason. */
const mustNotFlag: Array<[string, string]> = [
  ['I always feel better after a walk.', 'about me, not about you'],
  ['I never know what to say when I am tired.', 'about me'],
  ['You never know, it might rain.', 'the generic "you never know" idiom'],
  ['You never know when you will need an umbrella.', 'the idiom with when'],
  ["You're always so thoughtful.", 'praise'],
  ['You always help me when I am down.', 'praise'],
  ['You make me laugh every day.', 'praise'],
  ['You never fail to make me smile.', 'praise with "never fail to"'],
  ['Thank you for always being there for me.', 'praise, no "you always"'],
  ["You're not lazy, you're tired.", 'negation'],
  ["You don't always have to cook.", 'negation softens "always"'],
  ['He told me "you never listen" and I felt sad.', 'quoted words are reported speech'],
  ['She wrote “you always do this” in the book.', 'curly quotes'],
  [
    'I feel hurt when plans change at the last minute, because I was looking forward to it. I would like us to check in first.',
    'an "I" statement',
  ],
  ["Do you think I'm lazy?", 'asking, not labelling'],
  ['You drive me crazy, I love you.', 'no label aimed at you'],
  ['Everything you do for me matters.', 'praise with "everything you do"'],
  ['Siempre me siento mejor después de caminar.', 'about me (Spanish)'],
  ['Nunca se sabe.', 'the Spanish idiom "nunca se sabe"'],
  ['Siempre eres tan atento.', 'praise (Spanish)'],
  ['Me haces reír.', 'praise (Spanish)'],
  ['¿No te importa si abro la ventana?', 'a polite question (Spanish)'],
  ['No eres tonto, estás cansado.', 'negation (Spanish)'],
  ['Nunca más volveré a ese bar.', '"nunca más" is about me'],
  ['Siempre hay días difíciles.', 'no "you" (Spanish)'],
  ["You don't care for coffee, right?", '"care for coffee" is a taste, not mind-reading'],
  ["I'm an idiot sometimes.", 'about me'],
  ['Right, that makes sense.', 'no sarcasm marker'],
  ['', 'an empty draft'],
];

describe('the "I" statement helper', () => {
  it.each(mustFlag)('flags %j as %s', (draft, kind, words) => {
    const findings = findBlamePatterns(draft);
    expect(findings.map((f) => ({ kind: f.kind, text: draft.slice(f.start, f.end) }))).toContainEqual({ kind, text: words });
  });

  it.each(mustNotFlag)('leaves %j alone (%s)', (draft) => {
    expect(findBlamePatterns(draft)).toEqual([]);
  });

  it('suggests the template in the chosen language only when something was found', () => {
    expect(checkDraft('You never listen.', 'en').suggestion?.template).toBe('I feel … when … because … I would like …');
    expect(checkDraft('Nunca me escuchas.', 'es').suggestion?.parts).toEqual(['Me siento …', 'cuando …', 'porque …', 'Me gustaría …']);
    expect(checkDraft('I feel tired.', 'en')).toEqual({ findings: [], suggestion: null });
  });

  it('returns every span in text order, without nested duplicates', () => {
    const draft = "You never cared. You're a liar and it's your fault.";
    const findings = findBlamePatterns(draft);
    expect(findings.map((f) => [f.kind, draft.slice(f.start, f.end)])).toEqual([
      ['mind-reading', 'You never cared'],
      ['name-calling', "You're a liar"],
      ['blame', "it's your fault"],
    ]);
  });

  it('keeps offsets true around emoji and curly apostrophes', () => {
    const draft = '😀😀 You’re always late';
    const [finding] = findBlamePatterns(draft);
    expect(draft.slice(finding!.start, finding!.end)).toBe('You’re always');
  });

  it('is fast on long drafts', () => {
    const draft = 'you you you always so so so '.repeat(500);
    const started = performance.now();
    findBlamePatterns(draft);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
