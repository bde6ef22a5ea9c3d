/**
 * The daily connection question (PRODUCT.md, capability 4): one question a day per couple, the
 * same on both phones. Light, positive questions in the spirit of BCT's positive activities
 * (O'Farrell & Fals-Stewart 2006: Catch Your Partner Doing Something Nice, Shared Rewarding
 * Activities): none asks about use, the past, or the other partner's faults. Ids are stable;
 * add new questions at the end (the day's pick depends on the list's length).
 */
import type { SkillLocale } from './skills';

export interface ConnectionQuestion {
  id: string;
  text: Record<SkillLocale, string>;
}

export const connectionQuestions: readonly ConnectionQuestion[] = [
  {
    id: 'small-thing',
    text: { en: 'What is one small thing I did recently that you liked?', es: '¿Qué es algo pequeño que hice hace poco y que te gustó?' },
  },
  {
    id: 'good-memory',
    text: { en: 'What is a favourite memory of us together?', es: '¿Cuál es uno de tus recuerdos favoritos de nosotros juntos?' },
  },
  {
    id: 'weekend',
    text: { en: 'What would make this weekend feel good for you?', es: '¿Qué haría que este fin de semana fuera bueno para ti?' },
  },
  {
    id: 'proud',
    text: { en: 'What is something you are proud of this week?', es: '¿De qué te sientes orgulloso u orgullosa esta semana?' },
  },
  { id: 'laugh', text: { en: 'What made you laugh lately?', es: '¿Qué te ha hecho reír últimamente?' } },
  { id: 'support', text: { en: 'What is one way I can support you this week?', es: '¿De qué manera puedo apoyarte esta semana?' } },
  {
    id: 'place',
    text: {
      en: 'Where is a place you would like us to go together one day?',
      es: '¿A qué lugar te gustaría que fuéramos juntos algún día?',
    },
  },
  { id: 'song', text: { en: 'Which song reminds you of us?', es: '¿Qué canción te recuerda a nosotros?' } },
  {
    id: 'grateful',
    text: { en: 'What is one thing you are grateful for today?', es: '¿Por qué cosa te sientes agradecido o agradecida hoy?' },
  },
  {
    id: 'first-noticed',
    text: { en: 'What is something you noticed about me when we first met?', es: '¿Qué te llamó la atención de mí cuando nos conocimos?' },
  },
  {
    id: 'recharge',
    text: { en: 'What helps you recharge after a long day?', es: '¿Qué te ayuda a recargar energía después de un día largo?' },
  },
  { id: 'dream', text: { en: 'What is a dream you have for the next year?', es: '¿Qué sueño tienes para el próximo año?' } },
  { id: 'comfort-food', text: { en: 'What meal feels like comfort to you?', es: '¿Qué comida te reconforta?' } },
  { id: 'strength', text: { en: 'What is a strength you see in us as a couple?', es: '¿Qué fortaleza ves en nosotros como pareja?' } },
  {
    id: 'new-thing',
    text: { en: 'What is something new you would like to try together?', es: '¿Qué algo nuevo te gustaría probar juntos?' },
  },
  { id: 'best-part', text: { en: 'What was the best part of your day?', es: '¿Qué fue lo mejor de tu día?' } },
  { id: 'feel-loved', text: { en: 'What makes you feel most cared for?', es: '¿Qué te hace sentir más cuidado o cuidada?' } },
  {
    id: 'tradition',
    text: { en: 'What is a small tradition you would like us to start?', es: '¿Qué pequeña tradición te gustaría que empezáramos?' },
  },
  {
    id: 'childhood',
    text: { en: 'What is a happy memory from when you were a child?', es: '¿Qué recuerdo feliz tienes de cuando eras niño o niña?' },
  },
  { id: 'looking-forward', text: { en: 'What are you looking forward to this week?', es: '¿Qué esperas con ilusión esta semana?' } },
  {
    id: 'kindness',
    text: { en: 'What is a kindness someone showed you recently?', es: '¿Qué gesto amable tuvo alguien contigo hace poco?' },
  },
  {
    id: 'together-time',
    text: {
      en: 'How would you like to spend an hour together this week?',
      es: '¿Cómo te gustaría que pasáramos una hora juntos esta semana?',
    },
  },
  { id: 'learned', text: { en: 'What is something you learned recently?', es: '¿Qué has aprendido hace poco?' } },
  {
    id: 'appreciate',
    text: { en: 'What is something about me you appreciate that I might not know?', es: '¿Qué valoras de mí que quizá yo no sepa?' },
  },
];

/**
 * The question of `localDate` for a couple: deterministic (the same on both phones, every time
 * it is asked) and different from day to day. FNV-1a over the couple id and the date.
 */
export function connectionQuestionFor(coupleId: string, localDate: string): ConnectionQuestion {
  let hash = 0x811c9dc5;
  for (const char of `${coupleId}/${localDate}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return connectionQuestions[hash % connectionQuestions.length]!;
}
