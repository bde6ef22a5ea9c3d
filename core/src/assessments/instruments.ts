/**
 * The validated questionnaires Twofold offers, defined as data: items, answer options with their
 * raw codes, reverse-scored items, bands with their sources, critical items, licence and LOINC codes.
 *
 * Every fact here comes from ../shared/reference/instruments.md (and instruments.json), which marks
 * each fact [V] (checked against a named source) or [unverified]. Facts the reference marks
 * [unverified] are kept and flagged with an `[unverified]` comment next to them: confirm them
 * before release. Labels are English data; the web app translates them by key
 * (`<instrument id>.<item id>`, `<instrument id>.band.<band id>`, option values).
 *
 * A definition is versioned: change `version` whenever an item, an option, a band or a rule changes,
 * so a stored result says which definition it was answered and scored against.
 */

export const instrumentIds = ['phq-9', 'gad-7', 'audit-c', 'dast-10', 'pc-ptsd-5', 'ecr-s', 'csi-4', 'hark'] as const;
export type InstrumentId = (typeof instrumentIds)[number];

export type InstrumentFamily = 'mood-anxiety' | 'substance-use' | 'attachment' | 'relationship' | 'safety';
export type LicenceStatus = 'free' | 'non-commercial' | 'unconfirmed';

export interface AnswerOption {
  /** The raw answer code that is stored. Scoring maps it (reverse items). */
  value: number;
  label: string;
  /** LOINC answer code (LA…), only where the reference gives one. */
  loinc?: string;
}

export interface InstrumentItem {
  /** linkId, stable across versions: '1'..'9' (PHQ-9), 'gate' and '1'..'5' (PC-PTSD-5), 'H','A','R','K' (HARK), 'difficulty'. */
  id: string;
  /** The wording shown to the person (the official wording; see the licence of the instrument). */
  text: string;
  /** LOINC item code: verified per the reference unless a comment says [unverified]. */
  loinc?: string;
  options: AnswerOption[];
  /** Whether the item counts towards the total or a subscale. */
  scored: boolean;
  /** Reverse-scored item: the scorer maps the raw code (DAST-10: No scores 1; ECR-S: 8 − raw). */
  reverse?: boolean;
  /** Needed for a score. PC-PTSD-5 items 1–5 are required only when the gate is Yes: see `requiredItems`. */
  required: boolean;
  subscale?: 'anxiety' | 'avoidance';
  /**
   * The item applies only when another item has this answer (PC-PTSD-5 items 1–5: gate = Yes). Once that
   * item is answered otherwise, this one is neither required nor scored, and an answer to it is ignored.
   */
  gatedBy?: { itemId: string; value: number };
}

export interface Band {
  id: string;
  /** Closed integer range: min ≤ total ≤ max. Bands of one instrument do not overlap and cover the total range. */
  min: number;
  max: number;
  /** Plain, non-diagnostic words. */
  label: string;
  /** What the source suggests at this level, for the care team (DAST-10 only). */
  action?: string;
}

export interface CriticalItem {
  itemId: string;
  /** An answer at or above this raw value starts the flow, whatever the total. */
  minValue: number;
  flow: 'self-harm' | 'ipv';
  /** At or above this raw value the flow is shown more prominently (a Twofold design choice, see each item). */
  higherRiskMinValue?: number;
}

export interface InstrumentDefinition {
  id: InstrumentId;
  version: string;
  name: string;
  shortName: string;
  family: InstrumentFamily;
  citation: string;
  bandSource: string;
  stem: string;
  recallPeriod: string;
  items: InstrumentItem[];
  /** null for ECR-S, which has no total. */
  totalRange: { min: number; max: number } | null;
  /** [] for ECR-S. For AUDIT-C and PC-PTSD-5 these are the default bands; `alternativeBands` holds the others. */
  bands: Band[];
  /**
   * Bands for the other published thresholds: AUDIT-C `male` (≥ 4) and PC-PTSD-5 `cutoff-4` (Bovin 2021).
   * `bandsFor(def, options)` in scoring.ts picks the set that applies.
   */
  alternativeBands?: Record<string, Band[]>;
  criticalItems: CriticalItem[];
  licence: { status: LicenceStatus; notice: string };
  loinc: { panel?: string; total?: string };
  copyright: string;
}

const familyById: Record<InstrumentId, InstrumentFamily> = {
  'phq-9': 'mood-anxiety',
  'gad-7': 'mood-anxiety',
  'pc-ptsd-5': 'mood-anxiety',
  'audit-c': 'substance-use',
  'dast-10': 'substance-use',
  'ecr-s': 'attachment',
  'csi-4': 'relationship',
  hark: 'safety',
};

/** The sharing family an instrument belongs to ('safety' is never shareable). */
export function familyOf(id: InstrumentId): InstrumentFamily {
  return familyById[id];
}

// The LOINC notice the reference (§9) asks to carry wherever LOINC codes are shown or exported.
export const loincNotice =
  'This material contains content from LOINC® (http://loinc.org). LOINC is copyright © Regenstrief Institute, Inc. and the Logical Observation Identifiers Names and Codes (LOINC) Committee and is available at no cost under the license at https://loinc.org/license';

const pfizerNotice =
  'Copyright © Pfizer Inc. Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.';

// PHQ-9 and GAD-7 answer options with their LOINC answer codes [V, LOINC-derived Questionnaire 44249-1; US Core GAD-7 example].
const frequencyOptions: AnswerOption[] = [
  { value: 0, label: 'Not at all', loinc: 'LA6568-5' },
  { value: 1, label: 'Several days', loinc: 'LA6569-3' },
  { value: 2, label: 'More than half the days', loinc: 'LA6570-1' },
  { value: 3, label: 'Nearly every day', loinc: 'LA6571-9' },
];

// The PHQ functional-difficulty question: unscored, and asked only "if you checked off any problems",
// so it is optional. The reference gives no values or LOINC answer codes for its options; the codes
// 0-3 below are Twofold's raw codes for storage, not scores.
const difficultyText =
  'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?';
const difficultyOptions: AnswerOption[] = [
  { value: 0, label: 'Not difficult at all' },
  { value: 1, label: 'Somewhat difficult' },
  { value: 2, label: 'Very difficult' },
  { value: 3, label: 'Extremely difficult' },
];

// Yes/No items. Raw code = Yes 1, No 0 for every instrument (the reference gives no LOINC answer codes for them).
const yesNo: AnswerOption[] = [
  { value: 1, label: 'Yes' },
  { value: 0, label: 'No' },
];

function scoredItem(id: string, text: string, options: AnswerOption[], extra: Partial<InstrumentItem> = {}): InstrumentItem {
  return { id, text, options, scored: true, required: true, ...extra };
}

const phq9: InstrumentDefinition = {
  id: 'phq-9',
  version: '1.0.0',
  name: 'Patient Health Questionnaire-9',
  shortName: 'PHQ-9',
  family: 'mood-anxiety',
  citation:
    'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16(9):606-613.',
  bandSource: 'Kroenke 2001; LOINC answer list LL382-3',
  stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  recallPeriod: 'last 2 weeks',
  items: [
    scoredItem('1', 'Little interest or pleasure in doing things', frequencyOptions, { loinc: '44250-9' }),
    scoredItem('2', 'Feeling down, depressed, or hopeless', frequencyOptions, { loinc: '44255-8' }),
    scoredItem('3', 'Trouble falling or staying asleep, or sleeping too much', frequencyOptions, { loinc: '44259-0' }),
    scoredItem('4', 'Feeling tired or having little energy', frequencyOptions, { loinc: '44254-1' }),
    scoredItem('5', 'Poor appetite or overeating', frequencyOptions, { loinc: '44251-7' }),
    scoredItem('6', 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down', frequencyOptions, {
      loinc: '44258-2',
    }),
    scoredItem('7', 'Trouble concentrating on things, such as reading the newspaper or watching television', frequencyOptions, {
      loinc: '44252-5',
    }),
    scoredItem(
      '8',
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      frequencyOptions,
      { loinc: '44253-3' },
    ),
    scoredItem('9', 'Thoughts that you would be better off dead or of hurting yourself in some way', frequencyOptions, {
      loinc: '44260-8',
    }),
    // Unscored; LOINC 69722-7 [V, US Core PHQ-9 panel example].
    { id: 'difficulty', text: difficultyText, loinc: '69722-7', options: difficultyOptions, scored: false, required: false },
  ],
  totalRange: { min: 0, max: 27 },
  bands: [
    { id: 'minimal', min: 0, max: 4, label: 'None or minimal' },
    { id: 'mild', min: 5, max: 9, label: 'Mild' },
    { id: 'moderate', min: 10, max: 14, label: 'Moderate' },
    { id: 'moderately-severe', min: 15, max: 19, label: 'Moderately severe' },
    { id: 'severe', min: 20, max: 27, label: 'Severe' },
  ],
  // Any answer above 0 on item 9 starts the safety flow, whatever the total (reference §1; evidence:
  // Simon GE et al., Psychiatr Serv 2013;64(12):1195-1202). The higher-risk tier at ≥ 2 ("more than
  // half the days") is a Twofold design choice drawn from Simon 2013, not a published cut-off.
  criticalItems: [{ itemId: '9', minValue: 1, flow: 'self-harm', higherRiskMinValue: 2 }],
  licence: { status: 'free', notice: pfizerNotice },
  loinc: { panel: '44249-1', total: '44261-6' },
  copyright: pfizerNotice,
};

const gad7: InstrumentDefinition = {
  id: 'gad-7',
  version: '1.0.0',
  name: 'Generalized Anxiety Disorder 7-item scale',
  shortName: 'GAD-7',
  family: 'mood-anxiety',
  citation:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166(10):1092-1097.',
  bandSource: 'Spitzer 2006',
  stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  recallPeriod: 'last 2 weeks',
  items: [
    // Item LOINC codes [V, loinc.org 69729-2 listing]. LOINC display names differ slightly from the form's wording; the form's wording is shown.
    scoredItem('1', 'Feeling nervous, anxious, or on edge', frequencyOptions, { loinc: '69725-0' }),
    scoredItem('2', 'Not being able to stop or control worrying', frequencyOptions, { loinc: '68509-9' }),
    scoredItem('3', 'Worrying too much about different things', frequencyOptions, { loinc: '69733-4' }),
    scoredItem('4', 'Trouble relaxing', frequencyOptions, { loinc: '69734-2' }),
    scoredItem('5', 'Being so restless that it is hard to sit still', frequencyOptions, { loinc: '69735-9' }),
    scoredItem('6', 'Becoming easily annoyed or irritable', frequencyOptions, { loinc: '69689-8' }),
    scoredItem('7', 'Feeling afraid, as if something awful might happen', frequencyOptions, { loinc: '69736-7' }),
    // The optional unscored difficulty item; the GAD-7 form asks it in the same words as the PHQ-9.
    // LOINC 69726-8 [unverified].
    { id: 'difficulty', text: difficultyText, loinc: '69726-8', options: difficultyOptions, scored: false, required: false },
  ],
  totalRange: { min: 0, max: 21 },
  bands: [
    { id: 'minimal', min: 0, max: 4, label: 'Minimal' },
    { id: 'mild', min: 5, max: 9, label: 'Mild' },
    { id: 'moderate', min: 10, max: 14, label: 'Moderate' },
    { id: 'severe', min: 15, max: 21, label: 'Severe' },
  ],
  // None (reference §2). A severe band can prompt a suggestion to talk with the clinician: that is UI copy, not a flow.
  criticalItems: [],
  licence: { status: 'free', notice: pfizerNotice },
  loinc: { panel: '69737-5', total: '70274-6' },
  copyright: pfizerNotice,
};

const whoAuditNotice =
  'As a WHO-approved instrument, the AUDIT is in the public domain. Source: Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: Guidelines for Use in Primary Care, 2nd ed. World Health Organization, 2001. The wording is used unchanged.';

const auditC: InstrumentDefinition = {
  id: 'audit-c',
  version: '1.0.0',
  name: 'Alcohol Use Disorders Identification Test – Consumption',
  shortName: 'AUDIT-C',
  family: 'substance-use',
  citation:
    'Bush K, Kivlahan DR, McDonell MB, Fihn SD, Bradley KA. The AUDIT alcohol consumption questions (AUDIT-C). Arch Intern Med 1998;158(16):1789-1795. Bradley KA et al. AUDIT-C as a brief screen for alcohol misuse in primary care. Alcohol Clin Exp Res 2007;31(7):1208-1217. Items are AUDIT items 1-3 (Babor et al., WHO 2001).',
  bandSource: 'Bradley 2007; LOINC 75626-2 (PMID 12695273)',
  // The AUDIT-C questions stand alone; this one-line introduction is Twofold's, not the WHO's. A standard
  // drink is defined per locale (US: 14 g of alcohol) by the web app, next to item 2 (reference §3a).
  stem: 'These questions are about drinks containing alcohol.',
  // [unverified] The reference names no recall period for the AUDIT-C; the WHO AUDIT's instructions ask about the past year.
  recallPeriod: 'past year',
  items: [
    // Item 1 is 68518-0 (LOINC panel 72110-0), not 68517-2 as in the US Core AUDIT-C example [V, reference §3a].
    scoredItem(
      '1',
      'How often do you have a drink containing alcohol?',
      [
        { value: 0, label: 'Never' },
        { value: 1, label: 'Monthly or less' },
        { value: 2, label: '2–4 times a month' },
        { value: 3, label: '2–3 times a week' },
        { value: 4, label: '4 or more times a week' },
      ],
      { loinc: '68518-0' },
    ),
    scoredItem(
      '2',
      'How many standard drinks containing alcohol do you have on a typical day when drinking?',
      [
        { value: 0, label: '1 or 2' },
        { value: 1, label: '3 or 4' },
        { value: 2, label: '5 or 6' },
        { value: 3, label: '7 to 9' },
        { value: 4, label: '10 or more' },
      ],
      { loinc: '68519-8' },
    ),
    scoredItem(
      '3',
      'How often do you have six or more drinks on one occasion?',
      [
        { value: 0, label: 'Never' },
        { value: 1, label: 'Less than monthly' },
        { value: 2, label: 'Monthly' },
        { value: 3, label: 'Weekly' },
        { value: 4, label: 'Daily or almost daily' },
      ],
      { loinc: '68520-6' },
    ),
  ],
  totalRange: { min: 0, max: 12 },
  // Positive screen ≥ 3 for women and ≥ 4 for men [V, LOINC 75626-2 citing PMID 12695273; Bradley 2007].
  // Twofold never infers sex: the default is the conservative ≥ 3 (also used when sex is not stated);
  // the `male` set applies only when the person says so. Bradley 2007's 7-12 "high likelihood of
  // dependence" band is [unverified] in the reference and is therefore not used.
  bands: [
    { id: 'negative', min: 0, max: 2, label: 'Below the screening cut-off' },
    { id: 'positive', min: 3, max: 12, label: 'At or above the screening cut-off' },
  ],
  alternativeBands: {
    male: [
      { id: 'negative', min: 0, max: 3, label: 'Below the screening cut-off' },
      { id: 'positive', min: 4, max: 12, label: 'At or above the screening cut-off' },
    ],
  },
  criticalItems: [],
  // Public domain [V, LOINC 72110-0 and US Core AUDIT-C Questionnaire]. Caveat from the reference: CamCOPS
  // marks its AUDIT strings non-commercial; cite the WHO and do not change the wording.
  licence: { status: 'free', notice: whoAuditNotice },
  loinc: { panel: '72109-2', total: '75626-2' },
  copyright: whoAuditNotice,
};

const dastNotice =
  'Copyright 1982 by Harvey A. Skinner, PhD, and the Centre for Addiction and Mental Health (CAMH), Toronto. Reproduced for non-commercial use (clinical, research, training) with credit to Dr Skinner. Commercial use needs permission from CAMH/Dr Skinner.';

// DAST-10 official wording (Skinner 1982; 10-item form as in Yudko 2007 and the CAMH form). The reference
// gives only topics (§4); the wording below is the published form's, matched item by item to those topics.
const dast10: InstrumentDefinition = {
  id: 'dast-10',
  version: '1.0.0',
  name: 'Drug Abuse Screening Test, 10-item version',
  shortName: 'DAST-10',
  family: 'substance-use',
  citation:
    'Skinner HA. The Drug Abuse Screening Test. Addict Behav 1982;7(4):363-371. 10-item form: Yudko E, Lozhkina O, Fouts A. A comprehensive review of the psychometric properties of the Drug Abuse Screening Test. J Subst Abuse Treat 2007;32(2):189-198.',
  bandSource: 'Skinner 1982, as presented by comorbidityguidelines.org.au (DAST-10 scoring)',
  stem: 'These questions refer to the past 12 months. They are about drugs other than alcohol and tobacco, including prescription or over-the-counter drugs used beyond the directions, and any non-medical use of drugs.',
  recallPeriod: 'past 12 months',
  items: [
    // Item LOINC codes are [unverified] in the reference (look them up at loinc.org/82666-9), so none is given.
    scoredItem('1', 'Have you used drugs other than those required for medical reasons?', yesNo),
    scoredItem('2', 'Do you abuse more than one drug at a time?', yesNo),
    // Reverse-scored: "No" scores 1, "Yes" scores 0 [V, comorbidityguidelines.org.au DAST-10 scoring page].
    scoredItem('3', 'Are you always able to stop using drugs when you want to?', yesNo, { reverse: true }),
    scoredItem('4', 'Have you had "blackouts" or "flashbacks" as a result of drug use?', yesNo),
    scoredItem('5', 'Do you ever feel bad or guilty about your drug use?', yesNo),
    // Mentions the spouse: self-report only, never shared with the partner by default (reference §4).
    scoredItem('6', 'Does your spouse (or parents) ever complain about your involvement with drugs?', yesNo),
    scoredItem('7', 'Have you neglected your family because of your use of drugs?', yesNo),
    scoredItem('8', 'Have you engaged in illegal activities in order to obtain drugs?', yesNo),
    scoredItem('9', 'Have you ever experienced withdrawal symptoms (felt sick) when you stopped taking drugs?', yesNo),
    scoredItem(
      '10',
      'Have you had medical problems as a result of your drug use (e.g., memory loss, hepatitis, convulsions, bleeding, etc.)?',
      yesNo,
    ),
  ],
  totalRange: { min: 0, max: 10 },
  // [V, comorbidityguidelines.org.au]. The actions are the source's, for the care team.
  bands: [
    { id: 'none', min: 0, max: 0, label: 'No problems reported', action: 'None at this time' },
    { id: 'low', min: 1, max: 2, label: 'Low level', action: 'Monitor, reassess at a later date' },
    { id: 'moderate', min: 3, max: 5, label: 'Moderate level', action: 'Further investigation' },
    { id: 'substantial', min: 6, max: 8, label: 'Substantial level', action: 'Intensive assessment' },
    { id: 'severe', min: 9, max: 10, label: 'Severe level', action: 'Intensive assessment' },
  ],
  // None formally (reference §4). A "Yes" on item 9 (withdrawal) may prompt a "medical withdrawal can be
  // dangerous, talk to your clinician" message in the UI: a design choice, not a published rule, and not a safety flow.
  criticalItems: [],
  licence: { status: 'non-commercial', notice: dastNotice },
  loinc: { panel: '82666-9', total: '82667-7' },
  copyright: dastNotice,
};

// PC-PTSD-5 items 1-5 apply only when the trauma question (the gate) is answered Yes.
const ptsdGate = { itemId: 'gate', value: 1 };

const pcPtsdNotice = 'Developed by staff of the VA National Center for PTSD. Public domain, not copyrighted.';

const pcPtsd5: InstrumentDefinition = {
  id: 'pc-ptsd-5',
  version: '1.0.0',
  name: 'Primary Care PTSD Screen for DSM-5',
  shortName: 'PC-PTSD-5',
  family: 'mood-anxiety',
  citation:
    'Prins A, Bovin MJ, Smolenski DJ, et al. The Primary Care PTSD Screen for DSM-5 (PC-PTSD-5): development and evaluation within a Veteran primary care sample. J Gen Intern Med 2016;31(10):1206-1211. Bovin MJ et al. JAMA Netw Open 2021;4(2):e2036733.',
  bandSource: 'Prins 2016 (cut-point 3); Bovin 2021 (cut-point 4)',
  stem: 'In the past month, have you…',
  recallPeriod: 'past month (the trauma question: ever)',
  items: [
    // The trauma-exposure gate (lifetime), not scored. Gate = No ends the screen with total 0 and items 1-5
    // are then ignored (see requiredItems / applicableAnswers in scoring.ts). The reference paraphrases the
    // VA form's gate text; this is the VA form's wording with its examples in one line. The UI offers
    // "skip / not now" and grounding resources with it (reference §5). Gate LOINC 102011-4 [unverified].
    {
      id: 'gate',
      text: 'Sometimes things happen to people that are unusually or especially frightening, horrible, or traumatic. For example: a serious accident or fire; a physical or sexual assault or abuse; an earthquake or flood; a war; seeing someone be killed or seriously injured; having a loved one die through homicide or suicide. Have you ever experienced this kind of event?',
      loinc: '102011-4',
      options: yesNo,
      scored: false,
      required: true,
    },
    // Item wording [V, VA form]. Item LOINC codes 102012-2 … 102016-3 [unverified: seen only in public code].
    // Each applies only when the gate is Yes.
    scoredItem('1', 'Had nightmares about the event(s) or thought about the event(s) when you did not want to?', yesNo, {
      loinc: '102012-2',
      gatedBy: ptsdGate,
    }),
    scoredItem(
      '2',
      'Tried hard not to think about the event(s) or went out of your way to avoid situations that reminded you of the event(s)?',
      yesNo,
      { loinc: '102013-0', gatedBy: ptsdGate },
    ),
    scoredItem('3', 'Been constantly on guard, watchful, or easily startled?', yesNo, { loinc: '102014-8', gatedBy: ptsdGate }),
    scoredItem('4', 'Felt numb or detached from people, activities, or your surroundings?', yesNo, {
      loinc: '102015-5',
      gatedBy: ptsdGate,
    }),
    scoredItem(
      '5',
      'Felt guilty or unable to stop blaming yourself or others for the event(s) or any problems the event(s) may have caused?',
      yesNo,
      { loinc: '102016-3', gatedBy: ptsdGate },
    ),
  ],
  totalRange: { min: 0, max: 5 },
  // Default cut-point 3 (Prins 2016, optimally sensitive; suits a treatment population); 4 (Bovin 2021)
  // is the deployment's choice. The result records which cut-point was applied.
  bands: [
    { id: 'negative', min: 0, max: 2, label: 'Below the screening cut-off' },
    { id: 'positive', min: 3, max: 5, label: 'At or above the screening cut-off' },
  ],
  alternativeBands: {
    'cutoff-4': [
      { id: 'negative', min: 0, max: 3, label: 'Below the screening cut-off' },
      { id: 'positive', min: 4, max: 5, label: 'At or above the screening cut-off' },
    ],
  },
  // None: a positive screen means "further assessment recommended", not a diagnosis.
  criticalItems: [],
  licence: { status: 'free', notice: pcPtsdNotice },
  // Panel 102010-6 and total 102017-1 are [unverified] (seen only in public code): confirm at loinc.org.
  loinc: { panel: '102010-6', total: '102017-1' },
  copyright: pcPtsdNotice,
};

const ecrNotice =
  'ECR-S: Wei M, Russell DW, Mallinckrodt B, Vogel DL (2007), items from the ECR (Brennan KA, Clark CL, Shaver PR, 1998). Licence for reproduction in commercial software not confirmed: ask Dr Meifen Wei and check the ECR owners’ terms before shipping item text.';

// 7-point agreement scale [V, reference §6]. Reverse-scored items are recoded 8 − raw.
const agreement: AnswerOption[] = [
  { value: 1, label: 'Strongly disagree' },
  { value: 2, label: 'Disagree' },
  { value: 3, label: 'Slightly disagree' },
  { value: 4, label: 'Neutral/mixed' },
  { value: 5, label: 'Slightly agree' },
  { value: 6, label: 'Agree' },
  { value: 7, label: 'Strongly agree' },
];

// ECR-S wording: Wei et al. 2007, Appendix (the reference gives topics only; each item below matches its
// topic in reference §6). Subscale key and reverse-scored items 1, 5, 8, 9 are [unverified] in the
// reference ("from memory of Wei 2007 scoring key"): confirm against the article before release.
const ecrS: InstrumentDefinition = {
  id: 'ecr-s',
  version: '1.0.0',
  name: 'Experiences in Close Relationship Scale – Short Form',
  shortName: 'ECR-S',
  family: 'attachment',
  citation:
    'Wei M, Russell DW, Mallinckrodt B, Vogel DL. The Experiences in Close Relationship Scale (ECR)-Short Form: reliability, validity, and factor structure. J Pers Assess 2007;88(2):187-204. doi:10.1080/00223890701268041',
  bandSource: 'None: Wei 2007 reports no total score and no cut-offs. Results are shown on the two dimensions, without type labels.',
  // The ECR's instructions (Brennan, Clark & Shaver 1998), which the ECR-S keeps [unverified: not in the reference].
  stem: 'The following statements concern how you feel in romantic relationships. We are interested in how you generally experience relationships, not just in what is happening in a current relationship. Respond to each statement by indicating how much you agree or disagree with it.',
  recallPeriod: 'in general',
  items: [
    scoredItem('1', 'It helps to turn to my romantic partner in times of need.', agreement, { reverse: true, subscale: 'avoidance' }),
    scoredItem('2', 'I need a lot of reassurance that I am loved by my partner.', agreement, { subscale: 'anxiety' }),
    scoredItem('3', 'I want to get close to my partner, but I keep pulling back.', agreement, { subscale: 'avoidance' }),
    scoredItem('4', "I find that my partner(s) don't want to get as close as I would like.", agreement, { subscale: 'anxiety' }),
    scoredItem('5', 'I turn to my partner for many things, including comfort and reassurance.', agreement, {
      reverse: true,
      subscale: 'avoidance',
    }),
    scoredItem('6', 'My desire to be very close sometimes scares people away.', agreement, { subscale: 'anxiety' }),
    scoredItem('7', 'I try to avoid getting too close to my partner.', agreement, { subscale: 'avoidance' }),
    scoredItem('8', 'I do not often worry about being abandoned.', agreement, { reverse: true, subscale: 'anxiety' }),
    scoredItem('9', 'I usually discuss my problems and concerns with my partner.', agreement, { reverse: true, subscale: 'avoidance' }),
    scoredItem('10', 'I get frustrated if romantic partners are not available when I need them.', agreement, { subscale: 'anxiety' }),
    scoredItem('11', 'I am nervous when partners get too close to me.', agreement, { subscale: 'avoidance' }),
    scoredItem('12', "I worry that romantic partners won't care about me as much as I care about them.", agreement, {
      subscale: 'anxiety',
    }),
  ],
  totalRange: null,
  bands: [],
  criticalItems: [],
  licence: { status: 'unconfirmed', notice: ecrNotice },
  // No LOINC found [unverified absence]: the FHIR export uses a Twofold CodeSystem.
  loinc: {},
  copyright:
    'Items © the authors (Brennan, Clark & Shaver 1998; Wei, Russell, Mallinckrodt & Vogel 2007). Article © 2007 Lawrence Erlbaum Associates.',
};

const csiNotice =
  'CSI-4: Funk JL, Rogge RD (2007). Described by its authors as free for research and clinical use [unverified: reported secondhand]; use inside a commercial app not confirmed: ask Dr Ronald Rogge (University of Rochester).';

// CSI-4 wording: Funk & Rogge 2007 and the Rogge lab form (the reference gives topics only, §7). Option
// anchors and values per the reference, which marks the anchors "to be checked against the authors' form".
// This is the 4-item form of the 2007 paper, not the "things going well" items of the CSI-16/32.
const csi4: InstrumentDefinition = {
  id: 'csi-4',
  version: '1.0.0',
  name: 'Couples Satisfaction Index (4-item form)',
  shortName: 'CSI-4',
  family: 'relationship',
  citation:
    'Funk JL, Rogge RD. Testing the ruler with item response theory: increasing precision of measurement for relationship satisfaction with the Couples Satisfaction Index. J Fam Psychol 2007;21(4):572-583. doi:10.1037/0893-3200.21.4.572',
  bandSource: 'Funk & Rogge 2007 (CSI-4 cut-off 13.5) [unverified]',
  // Twofold's one-line introduction, not the authors'.
  stem: 'These questions are about your relationship with your partner.',
  recallPeriod: 'now, all things considered',
  items: [
    scoredItem('1', 'Please indicate the degree of happiness, all things considered, of your relationship.', [
      { value: 0, label: 'Extremely unhappy' },
      { value: 1, label: 'Fairly unhappy' },
      { value: 2, label: 'A little unhappy' },
      { value: 3, label: 'Happy' },
      { value: 4, label: 'Very happy' },
      { value: 5, label: 'Extremely happy' },
      { value: 6, label: 'Perfect' },
    ]),
    scoredItem('2', 'I have a warm and comfortable relationship with my partner.', [
      { value: 0, label: 'Not at all true' },
      { value: 1, label: 'A little true' },
      { value: 2, label: 'Somewhat true' },
      { value: 3, label: 'Mostly true' },
      { value: 4, label: 'Almost completely true' },
      { value: 5, label: 'Completely true' },
    ]),
    scoredItem('3', 'How rewarding is your relationship with your partner?', [
      { value: 0, label: 'Not at all' },
      { value: 1, label: 'A little' },
      { value: 2, label: 'Somewhat' },
      { value: 3, label: 'Mostly' },
      { value: 4, label: 'Almost completely' },
      { value: 5, label: 'Completely' },
    ]),
    scoredItem('4', 'In general, how satisfied are you with your relationship?', [
      { value: 0, label: 'Not at all' },
      { value: 1, label: 'A little' },
      { value: 2, label: 'Somewhat' },
      { value: 3, label: 'Mostly' },
      { value: 4, label: 'Almost completely' },
      { value: 5, label: 'Completely' },
    ]),
  ],
  totalRange: { min: 0, max: 21 },
  // Total < 13.5 suggests notable relationship dissatisfaction (Funk & Rogge 2007) [unverified]; totals are
  // integers, so ≤ 13 is below the threshold. Shown as a trend over time, never compared with the partner's.
  bands: [
    { id: 'below-threshold', min: 0, max: 13, label: 'Lower satisfaction (below 13.5)' },
    { id: 'above-threshold', min: 14, max: 21, label: 'Above the 13.5 threshold' },
  ],
  criticalItems: [],
  licence: { status: 'unconfirmed', notice: csiNotice },
  // No LOINC found [unverified absence]: the FHIR export uses a Twofold CodeSystem.
  loinc: {},
  copyright: 'CSI © Janette L. Funk and Ronald D. Rogge.',
};

const harkNotice =
  'HARK: Sohal H, Eldridge S, Feder G. BMC Fam Pract 2007;8:49, an open-access publication; no fee reported. An explicit licence to reuse the questions was not confirmed.';

const hark: InstrumentDefinition = {
  id: 'hark',
  version: '1.0.0',
  name: 'Humiliation, Afraid, Rape, Kick questionnaire',
  shortName: 'HARK',
  family: 'safety',
  citation: 'Sohal H, Eldridge S, Feder G. BMC Fam Pract 2007;8:49. doi:10.1186/1471-2296-8-49',
  bandSource: 'Sohal 2007 (cut-off ≥ 1; sensitivity 81%, specificity 95% against the Composite Abuse Scale)',
  stem: 'Within the last year…',
  recallPeriod: 'last year',
  items: [
    // Wording as published in Sohal 2007 (reference §8). Item H LOINC 76500-8 [V, OpenEMR].
    scoredItem(
      'H',
      'Within the last year, have you been humiliated or emotionally abused in other ways by your partner or your ex-partner?',
      yesNo,
      {
        loinc: '76500-8',
      },
    ),
    // Items A, R, K LOINC 76501-6, 76502-4, 76503-2 [unverified: "probably", check loinc.org/76499-3].
    scoredItem('A', 'Within the last year, have you been afraid of your partner or ex-partner?', yesNo, { loinc: '76501-6' }),
    scoredItem(
      'R',
      'Within the last year, have you been raped or forced to have any kind of sexual activity by your partner or ex-partner?',
      yesNo,
      {
        loinc: '76502-4',
      },
    ),
    scoredItem(
      'K',
      'Within the last year, have you been kicked, hit, slapped or otherwise physically hurt by your partner or ex-partner?',
      yesNo,
      {
        loinc: '76503-2',
      },
    ),
  ],
  totalRange: { min: 0, max: 4 },
  bands: [
    { id: 'negative', min: 0, max: 0, label: 'No answer was yes' },
    { id: 'positive', min: 1, max: 4, label: 'One or more answers were yes' },
  ],
  // Any Yes starts the private safety route (reference §8). A Yes on A (afraid), R or K also shows the IPV
  // hotline prominently and checks immediate safety: that is the higher-risk tier here.
  criticalItems: [
    { itemId: 'H', minValue: 1, flow: 'ipv' },
    { itemId: 'A', minValue: 1, flow: 'ipv', higherRiskMinValue: 1 },
    { itemId: 'R', minValue: 1, flow: 'ipv', higherRiskMinValue: 1 },
    { itemId: 'K', minValue: 1, flow: 'ipv', higherRiskMinValue: 1 },
  ],
  // 'unconfirmed', not 'free': the article is open access and no fee is reported, but the reference found no
  // explicit reuse licence for the questions. It is the safety screen, so a deployment that switches it off
  // must keep joint features closed or put another screen in its place.
  licence: { status: 'unconfirmed', notice: harkNotice },
  // Panel 76499-3 and total 76504-0 [V, Synthea-generated FHIR data].
  loinc: { panel: '76499-3', total: '76504-0' },
  copyright: 'Questions published open access in BMC Family Practice (Sohal, Eldridge & Feder 2007).',
};

export const instruments: Record<InstrumentId, InstrumentDefinition> = {
  'phq-9': phq9,
  'gad-7': gad7,
  'audit-c': auditC,
  'dast-10': dast10,
  'pc-ptsd-5': pcPtsd5,
  'ecr-s': ecrS,
  'csi-4': csi4,
  hark,
};

/** The definitions a deployment offers, in `instrumentIds` order: all but those it switched off (e.g. for want of a licence). */
export function deploymentInstruments(disabled: readonly InstrumentId[]): InstrumentDefinition[] {
  return instrumentIds.filter((id) => !disabled.includes(id)).map((id) => instruments[id]);
}

/** Type guard for an instrument id coming from outside (a route parameter, a stored row). */
export function isInstrumentId(value: string): value is InstrumentId {
  return (instrumentIds as readonly string[]).includes(value);
}
