import { randomUUID } from 'node:crypto';
import { newCouple, type TestApp, type TestClient } from './test-app';

/** HARK answers (Sohal et al. 2007): all "no" is a negative relationship-safety screen. */
export const harkNegative = { H: 0, A: 0, R: 0, K: 0 };
export const harkPositive = { H: 0, A: 1, R: 0, K: 0 };

export async function answerSafetyScreen(person: TestClient, answers: Record<string, number> = harkNegative): Promise<void> {
  const answer = await person.post('/api/me/assessments', { instrumentId: 'hark', submissionId: randomUUID(), answers });
  if (answer.status !== 201) {
    throw new Error(`HARK answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
}

export const inRecoveryIntake = {
  inRecovery: true,
  substances: ['alcohol'],
  otherSubstance: '',
  recoveryStartDate: '2026-01-01',
  supportNote: '',
};

/**
 * A couple whose joint features are open (both safety screens negative). `a` (Alex) is in
 * recovery by their intake; `b` (Blake) supports, unless `dual` makes both in recovery.
 */
export async function newOpenCouple(t: TestApp, options: { dual?: boolean } = {}) {
  const couple = await newCouple(t);
  await answerSafetyScreen(couple.a);
  await answerSafetyScreen(couple.b);
  await couple.a.put('/api/me/intake', inRecoveryIntake);
  await couple.b.put('/api/me/intake', {
    ...inRecoveryIntake,
    inRecovery: options.dual === true,
    substances: options.dual ? ['cannabis'] : [],
  });
  return couple;
}

export const contractTerms = {
  discussionTime: '20:30',
  otherItems: ['We go to the Thursday group together.'],
  keepPastUseInSessions: true,
};
export const alexPart = {
  intention: 'I intend to stay sober today, one day at a time.',
  medication: 'naltrexone',
  meetings: 'AA on Tuesdays',
};

/** Writes the contract (Alex's part in it) and both sign it: the contract is in force. */
export async function signContract(couple: { a: TestClient; b: TestClient }, part: Record<string, string> = alexPart) {
  const written = await couple.a.put('/api/couple/contract', { ...contractTerms, myPart: part });
  if (written.status !== 200) {
    throw new Error(`contract answered ${written.status}: ${JSON.stringify(written.body)}`);
  }
  const id = written.body.latest.id as string;
  await couple.a.post(`/api/couple/contract/versions/${id}/sign`);
  const signed = await couple.b.post(`/api/couple/contract/versions/${id}/sign`);
  if (signed.status !== 200 || signed.body.signedByBothAt === null) {
    throw new Error(`signing answered ${signed.status}: ${JSON.stringify(signed.body)}`);
  }
  return id;
}
