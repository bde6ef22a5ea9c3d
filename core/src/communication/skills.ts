/**
 * The communication skills library, as data. Ids are stable: the practice log and the web app
 * refer to them. English and Spanish are written side by side; the web app picks the person's
 * locale. Wording follows the two couples manuals the program is built on, in plain, warm words:
 *
 * - BCT: O'Farrell, T. J., & Fals-Stewart, W. (2006). Behavioral Couples Therapy for Alcoholism and
 *   Drug Abuse. New York: Guilford Press (communication skills training: listening and
 *   understanding, expressing feelings directly, communication sessions; conflict time-out).
 * - ABCT: McCrady, B. S., & Epstein, E. E. (2009). Overcoming Alcohol Problems: A Couples-Focused
 *   Program (Therapist Guide and Workbook). New York: Oxford University Press (communication
 *   skills: listening, "I" statements, problem-solving; time-out for arguments that escalate).
 */

export const skillIds = ['reflective-listening', 'i-statements', 'expressing-feelings', 'communication-sessions', 'time-out'] as const;
export type SkillId = (typeof skillIds)[number];

export const skillLocales = ['en', 'es'] as const;
export type SkillLocale = (typeof skillLocales)[number];

export const skillSources = {
  bct: "O'Farrell, T. J., & Fals-Stewart, W. (2006). Behavioral Couples Therapy for Alcoholism and Drug Abuse. New York: Guilford Press.",
  abct: 'McCrady, B. S., & Epstein, E. E. (2009). Overcoming Alcohol Problems: A Couples-Focused Program. New York: Oxford University Press.',
} as const;
export type SkillSourceId = keyof typeof skillSources;
export const skillSourceIds = ['bct', 'abct'] as const satisfies readonly SkillSourceId[];

export interface SkillText {
  title: string;
  /** Two or three plain sentences: what the skill is and why it helps. */
  summary: string;
  steps: readonly string[];
  /** A short exercise for today; marking it done goes to the person's own practice log. */
  practicePrompt: string;
}

export interface Skill {
  id: SkillId;
  sources: readonly SkillSourceId[];
  text: Record<SkillLocale, SkillText>;
}

export const skills: readonly Skill[] = [
  {
    id: 'reflective-listening',
    sources: ['bct', 'abct'],
    text: {
      en: {
        title: 'Listening and understanding',
        summary:
          'Reflective listening means hearing your partner out and then saying back, in your own words, what you heard, before you answer. It shows you are trying to understand, even when you see things differently.',
        steps: [
          'Let your partner finish. Put the phone down and look at them.',
          'Say back what you heard: "What I hear you saying is …"',
          'Ask: "Did I get that right?" If not, let them say it again.',
          'Only when they say yes, share your own view.',
        ],
        practicePrompt: 'Today, ask your partner about one part of their day and reflect back what you heard before you say anything else.',
      },
      es: {
        title: 'Escuchar y comprender',
        summary:
          'Escuchar de forma reflexiva es dejar hablar a tu pareja y luego repetir, con tus propias palabras, lo que has oído, antes de responder. Muestra que intentas comprender, aunque veas las cosas de otra manera.',
        steps: [
          'Deja que tu pareja termine. Deja el teléfono y mírala.',
          'Repite lo que has oído: "Lo que te oigo decir es …"',
          'Pregunta: "¿Lo he entendido bien?" Si no, deja que lo explique otra vez.',
          'Solo cuando diga que sí, comparte tu punto de vista.',
        ],
        practicePrompt: 'Hoy, pregúntale a tu pareja por un momento de su día y repite lo que has oído antes de decir nada más.',
      },
    },
  },
  {
    id: 'i-statements',
    sources: ['abct', 'bct'],
    text: {
      en: {
        title: '"I" statements',
        summary:
          'An "I" statement talks about your own feelings and needs instead of your partner\'s faults. "I feel … when … because … I would like …" is easier to hear than "You always …", and it keeps the talk about the problem, not about who is to blame.',
        steps: [
          'Start with "I feel …" and name one feeling.',
          'Say "when …" and describe what happened, as a camera would see it.',
          'Say "because …" and what it means to you.',
          'End with "I would like …": one small, concrete request.',
        ],
        practicePrompt:
          'Write one "I" statement about something small that bothered you this week. You can check it with the helper before you share it.',
      },
      es: {
        title: 'Mensajes en primera persona ("yo")',
        summary:
          'Un mensaje en primera persona habla de lo que tú sientes y necesitas, no de los fallos de tu pareja. "Me siento … cuando … porque … Me gustaría …" se escucha mejor que "Tú siempre …", y mantiene la conversación en el problema, no en quién tiene la culpa.',
        steps: [
          'Empieza con "Me siento …" y nombra un sentimiento.',
          'Di "cuando …" y describe lo que pasó, como lo vería una cámara.',
          'Di "porque …" y lo que significa para ti.',
          'Termina con "Me gustaría …": una petición pequeña y concreta.',
        ],
        practicePrompt:
          'Escribe un mensaje en primera persona sobre algo pequeño que te molestó esta semana. Puedes revisarlo con la ayuda antes de compartirlo.',
      },
    },
  },
  {
    id: 'expressing-feelings',
    sources: ['bct', 'abct'],
    text: {
      en: {
        title: 'Expressing feelings directly',
        summary:
          'Saying how you feel, plainly and kindly, works better than hinting, going quiet or letting it build up. Positive feelings count too: telling your partner what you appreciate makes the hard talks easier.',
        steps: [
          'Notice the feeling and give it a name: hurt, worried, lonely, glad, proud.',
          'Say it soon, calmly, and to your partner, not about them to someone else.',
          'Keep it to one feeling and one situation at a time.',
          'Say something you appreciate as often as something that bothers you.',
        ],
        practicePrompt: 'Tell your partner one thing they did today that you appreciated, and how it made you feel.',
      },
      es: {
        title: 'Expresar los sentimientos directamente',
        summary:
          'Decir lo que sientes, con claridad y con cariño, funciona mejor que insinuarlo, callarlo o dejar que se acumule. Los sentimientos positivos también cuentan: decirle a tu pareja lo que valoras hace más fáciles las conversaciones difíciles.',
        steps: [
          'Fíjate en lo que sientes y ponle nombre: dolido, preocupado, solo, contento, orgulloso.',
          'Dilo pronto, con calma y a tu pareja, no a otra persona sobre ella.',
          'Habla de un sentimiento y de una situación cada vez.',
          'Di algo que valoras tan a menudo como algo que te molesta.',
        ],
        practicePrompt: 'Dile a tu pareja una cosa que hizo hoy y que valoraste, y cómo te hizo sentir.',
      },
    },
  },
  {
    id: 'communication-sessions',
    sources: ['bct'],
    text: {
      en: {
        title: 'Planned communication sessions',
        summary:
          'A communication session is a short talk you plan ahead: an agreed time and place, no distractions, one topic, and taking turns as speaker and listener. Planning it keeps hard subjects from coming up in the middle of a bad moment.',
        steps: [
          'Agree on a time (10 to 15 minutes) and a quiet place, when neither of you is tired or rushed.',
          'Pick one topic, and start with easier ones.',
          'Take turns: one speaks, the other listens and reflects back. The speaker–listener exercise can keep time for you.',
          'End on time, even if the topic is not finished, and thank each other.',
        ],
        practicePrompt: 'Agree with your partner on a time this week for a 10-minute talk about one easy topic.',
      },
      es: {
        title: 'Conversaciones planificadas',
        summary:
          'Una conversación planificada es una charla corta que preparan de antemano: una hora y un lugar acordados, sin distracciones, un solo tema y turnos para hablar y escuchar. Planificarla evita que los temas difíciles salgan en mitad de un mal momento.',
        steps: [
          'Acordad una hora (de 10 a 15 minutos) y un lugar tranquilo, cuando ninguno esté cansado ni con prisa.',
          'Elegid un solo tema, y empezad por los más fáciles.',
          'Turnaos: uno habla y el otro escucha y repite lo que oyó. El ejercicio de hablante y oyente puede llevar el tiempo.',
          'Terminad a la hora, aunque el tema no esté cerrado, y daos las gracias.',
        ],
        practicePrompt: 'Acuerda con tu pareja una hora esta semana para una charla de 10 minutos sobre un tema fácil.',
      },
    },
  },
  {
    id: 'time-out',
    sources: ['bct', 'abct'],
    text: {
      en: {
        title: 'Time-out',
        summary:
          'When a talk gets heated, either of you can call a time-out: a pause agreed on ahead of time, not a way of walking out. You both cool down apart for an agreed time, then come back and finish the talk. Calling one is a sign of care, never a reason for blame.',
        steps: [
          'Agree ahead of time on a signal and how long a pause lasts (for example 20 minutes).',
          'When you notice anger rising, say the signal calmly and step away. No last word.',
          'Cool down: breathe slowly, take a walk, notice five things you can see. Do not drink or use.',
          'Come back at the agreed time and finish the talk, or agree on when you will.',
        ],
        practicePrompt: 'Agree with your partner on your time-out signal and how many minutes your pause will last.',
      },
      es: {
        title: 'Tiempo fuera',
        summary:
          'Cuando una conversación se calienta, cualquiera de los dos puede pedir un tiempo fuera: una pausa acordada de antemano, no una forma de irse. Se calman por separado durante el tiempo acordado y después vuelven a terminar la conversación. Pedirla es una muestra de cuidado, nunca un motivo de culpa.',
        steps: [
          'Acordad de antemano una señal y cuánto dura la pausa (por ejemplo, 20 minutos).',
          'Cuando notes que el enfado sube, di la señal con calma y apártate. Sin decir la última palabra.',
          'Cálmate: respira despacio, sal a caminar, fíjate en cinco cosas que puedas ver. No bebas ni consumas.',
          'Vuelvan a la hora acordada y terminen la conversación, o acuerden cuándo lo harán.',
        ],
        practicePrompt: 'Acuerda con tu pareja su señal de tiempo fuera y cuántos minutos durará la pausa.',
      },
    },
  },
];

export const skillsById: ReadonlyMap<SkillId, Skill> = new Map(skills.map((skill) => [skill.id, skill]));
