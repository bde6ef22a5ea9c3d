/**
 * Spanish wording of the questionnaires that have a published Spanish version we can use as is.
 * A validated questionnaire must not be re-translated ad hoc: one without an entry here is shown in
 * its original English wording, with a note saying so (see use-instrument-text.ts).
 *
 * - PHQ-9 and GAD-7: the Spanish (USA) versions from the PHQ screeners site (Pfizer; no permission
 *   required to reproduce or translate).
 * - AUDIT-C: items 1-3 of the WHO's Spanish AUDIT (Babor et al., WHO 2001, Spanish edition).
 */
export interface SpanishContent {
  stem?: string;
  items: Record<string, string>;
  /** Options shared by every item, by raw value. */
  options?: Record<number, string>;
  /** Options per item, by raw value, where the items differ. */
  itemOptions?: Record<string, Record<number, string>>;
}

const frequency = { 0: 'Para nada', 1: 'Varios días', 2: 'Más de la mitad de los días', 3: 'Casi todos los días' };
const difficulty = {
  text: 'Si marcó cualquiera de los problemas, ¿qué tanta dificultad le han dado estos problemas para hacer su trabajo, encargarse de las tareas del hogar, o llevarse bien con otras personas?',
  options: { 0: 'No ha sido difícil', 1: 'Un poco difícil', 2: 'Muy difícil', 3: 'Extremadamente difícil' },
};

export const spanishContent: Partial<Record<string, SpanishContent>> = {
  'phq-9': {
    stem: 'Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?',
    items: {
      '1': 'Poco interés o placer en hacer cosas',
      '2': 'Se ha sentido decaído(a), deprimido(a) o sin esperanzas',
      '3': 'Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado',
      '4': 'Se ha sentido cansado(a) o con poca energía',
      '5': 'Sin apetito o ha comido en exceso',
      '6': 'Se ha sentido mal con usted mismo(a) – o que es un fracaso o que ha quedado mal con usted mismo(a) o con su familia',
      '7': 'Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el periódico o ver la televisión',
      '8': '¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado? o lo contrario – muy inquieto(a) o agitado(a) que ha estado moviéndose mucho más de lo normal',
      '9': 'Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera',
      difficulty: difficulty.text,
    },
    options: frequency,
    itemOptions: { difficulty: difficulty.options },
  },
  'gad-7': {
    stem: 'Durante las últimas 2 semanas, ¿con qué frecuencia ha sentido molestias por los siguientes problemas?',
    items: {
      '1': 'Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta',
      '2': 'No ha sido capaz de parar o controlar su preocupación',
      '3': 'Se ha preocupado demasiado por motivos diferentes',
      '4': 'Ha tenido dificultad para relajarse',
      '5': 'Se ha sentido tan inquieto(a) que no ha podido quedarse quieto(a)',
      '6': 'Se ha molestado o irritado fácilmente',
      '7': 'Ha tenido miedo de que algo terrible fuera a pasar',
      difficulty: difficulty.text,
    },
    options: frequency,
    itemOptions: { difficulty: difficulty.options },
  },
  'audit-c': {
    // The one-line introduction is Twofold's own, not the WHO's.
    stem: 'Estas preguntas son sobre bebidas que contienen alcohol.',
    items: {
      '1': '¿Con qué frecuencia consume alguna bebida alcohólica?',
      '2': '¿Cuántas consumiciones de bebidas alcohólicas suele realizar en un día de consumo normal?',
      '3': '¿Con qué frecuencia toma 6 o más bebidas alcohólicas en un solo día?',
    },
    itemOptions: {
      '1': {
        0: 'Nunca',
        1: 'Una o menos veces al mes',
        2: 'De 2 a 4 veces al mes',
        3: 'De 2 a 3 veces a la semana',
        4: '4 o más veces a la semana',
      },
      '2': { 0: '1 o 2', 1: '3 o 4', 2: '5 o 6', 3: '7, 8 o 9', 4: '10 o más' },
      '3': { 0: 'Nunca', 1: 'Menos de una vez al mes', 2: 'Mensualmente', 3: 'Semanalmente', 4: 'A diario o casi a diario' },
    },
  },
};
