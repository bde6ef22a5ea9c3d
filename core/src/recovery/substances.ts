/**
 * Substances a person can name in intake and check-ins. Grouped as in NIDA's commonly used drugs
 * charts; "other" lets a person name what is not listed. Codes are stable; labels are translated.
 */
export const substances = [
  'alcohol',
  'cannabis',
  'opioids',
  'stimulants',
  'cocaine',
  'methamphetamine',
  'benzodiazepines',
  'nicotine',
  'hallucinogens',
  'other',
] as const;
export type Substance = (typeof substances)[number];
