import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { HttpClient } from '../../../bench/lib/http-client';
import { makeCouple, signUpPerson, type Answer, type LogSource } from '../../../bench/lib/http-client';

/**
 * The writes the durability harnesses make, and the read-back that proves none answered 2xx was
 * lost and nothing is half-written. Used by the kill -9 harness (kill9-harness.ts, both databases)
 * and the PostgreSQL immediate-stop harness (pg-stop-harness.ts).
 *
 * Writes, each by its owner through the real API:
 * - accounts (sign-up through the e-mailed link, confirm) and couple spaces, during the run;
 * - support preferences, a sharing setting, today's check-in: one value that each write replaces
 *   (a register); the value read back must be the last one answered 2xx or one sent after it
 *   that got no 2xx answer, and whole: every field of one and the same write;
 * - reminder settings (every field follows from the check-in time) and my own section of the
 *   Continuing Recovery Plan (a new plan version each time; read back from the latest version):
 *   registers as above;
 * - commitments and appreciations (together writes, couples with joint features open): each one
 *   answered 2xx must be there once, with its own text and day; nothing else may appear;
 * - contract versions and signatures: a version answered 2xx is there with its own items, and
 *   every signature answered 2xx is on it.
 * A write without a 2xx answer (the server was killed, or the database was down: 503) may or may
 * not have landed; either is correct, so it is accepted but never required. After a read-back,
 * what was read becomes what is required from then on.
 */

export type Outcome = 'acked' | 'refused' | 'no-answer';

export interface WorkloadStats {
  acknowledgedWrites: number;
  /** Writes answered 503 problem+json (the database was unreachable): allowed only while `allowRefusals`. */
  refusedWrites: number;
  /** Writes cut off without any answer (only allowed while `allowNoAnswer`). */
  unansweredWrites: number;
  checks: number;
  lost: string[];
  errors: string[];
  byKind: Record<string, number>;
}

/** What the harness allows at this moment: set by it around the kill or the database stop. */
export interface Phase {
  running: boolean;
  allowNoAnswer: boolean;
  allowRefusals: boolean;
}

interface Register<T> {
  acked: T | null;
  pending: T[];
}

interface Appended {
  acked: Set<string>;
  pending: Set<string>;
}

interface Person {
  client: HttpClient;
  email: string;
  userId: string;
  coupleId: string | null;
  coupleUnknown: boolean;
  couple: Couple | null;
  busy: boolean;
  preferences: Register<string>;
  audience: Register<string>;
  checkin: Register<string>;
  reminderTime: Register<string>;
  planSection: Register<string>;
  commitments: Appended;
  appreciations: Appended;
}

interface Couple {
  a: Person;
  b: Person;
  busy: boolean;
  /** Contract versions answered 2xx, by id: their marker and the signatures answered 2xx. */
  versions: Map<string, { marker: string; signers: Set<string>; pendingSigners: Set<string> }>;
  latestVersionId: string | null;
}

const audiences = ['private', 'partner', 'care-team', 'both'] as const;
const timeZone = 'America/Chicago';

/** Today in the people's time zone (the server decides the day the same way). */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A check-in whose every field follows from its marker: a read-back mixing two writes is caught. */
function checkinFor(marker: string) {
  const digest = createHash('sha256').update(marker).digest();
  return {
    mood: 1 + (digest[0]! % 5),
    craving: digest[1]! % 11,
    used: false,
    substancesUsed: [],
    sleep: 1 + (digest[2]! % 5),
    stress: 1 + (digest[3]! % 5),
    closeness: 1 + (digest[4]! % 5),
    conflict: (['none', 'some', 'high'] as const)[digest[5]! % 3],
    triggerIds: [],
    note: marker,
  };
}

/** Reminder settings whose every field follows from the check-in time. */
function reminderSettingsFor(time: string) {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const other = `${String((hour + 12) % 24).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return {
    checkIn: { enabled: true, time },
    trustDiscussion: { enabled: minute % 2 === 0 },
    assessmentDue: { enabled: false, time: other },
    session: { enabled: minute % 3 === 0, leadMinutes: minute % 5 === 0 ? 30 : 60 },
    medication: { enabled: true, times: [other] },
    planReview: { enabled: false, time: '10:00' },
    weeklySummary: { enabled: hour % 2 === 0 },
    channels: { inApp: true, email: false, push: false },
    quietHours: { enabled: false, start: '22:00', end: '07:00' },
  };
}

export class Workload {
  readonly people: Person[] = [];
  readonly couples: Couple[] = [];
  readonly stats: WorkloadStats = {
    acknowledgedWrites: 0,
    refusedWrites: 0,
    unansweredWrites: 0,
    checks: 0,
    lost: [],
    errors: [],
    byKind: {},
  };
  private sequence = 0;

  constructor(readonly phase: Phase = { running: false, allowNoAnswer: false, allowRefusals: false }) {}

  /** Points every client at the server's (new) address; sessions stay. */
  moveTo(url: string): void {
    for (const person of this.people) {
      person.client = person.client.moveTo(url);
    }
  }

  private newPerson(client: HttpClient, email: string): Person {
    const person: Person = {
      client,
      email,
      userId: client.userId!,
      coupleId: null,
      coupleUnknown: false,
      couple: null,
      busy: false,
      preferences: { acked: null, pending: [] },
      audience: { acked: null, pending: [] },
      checkin: { acked: null, pending: [] },
      reminderTime: { acked: null, pending: [] },
      planSection: { acked: null, pending: [] },
      commitments: { acked: new Set(), pending: new Set() },
      appreciations: { acked: new Set(), pending: new Set() },
    };
    this.people.push(person);
    return person;
  }

  private nextEmail(): string {
    return `p${++this.sequence}-${randomBytes(3).toString('hex')}@example.org`;
  }

  private marker(what: string): string {
    return `${what} #${++this.sequence} ${randomBytes(6).toString('hex')}`;
  }

  /**
   * Couples with joint features open (both safety screens negative, A in recovery) and a first
   * contract version, before any failure is injected. Fails loudly if any step fails.
   */
  async setUpCouples(url: string, log: LogSource, count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const emails = [this.nextEmail(), this.nextEmail()];
      const [aClient, bClient] = [
        await signUpPerson(url, log, emails[0]!, `Alex ${i}`),
        await signUpPerson(url, log, emails[1]!, `Blake ${i}`),
      ];
      const coupleId = await makeCouple(aClient!, bClient!);
      const a = this.newPerson(aClient!, emails[0]!);
      const b = this.newPerson(bClient!, emails[1]!);
      for (const person of [a, b]) {
        person.coupleId = coupleId;
        const screen = await person.client.post('/api/me/assessments', {
          instrumentId: 'hark',
          submissionId: randomUUID(),
          answers: { H: 0, A: 0, R: 0, K: 0 },
        });
        expectStatus(screen, 201, 'HARK');
        const intake = await person.client.put('/api/me/intake', {
          inRecovery: person === a,
          substances: person === a ? ['alcohol'] : [],
          otherSubstance: '',
          recoveryStartDate: '2026-01-01',
          supportNote: '',
        });
        expectStatus(intake, 200, 'intake');
      }
      const couple: Couple = { a, b, busy: false, versions: new Map(), latestVersionId: null };
      a.couple = couple;
      b.couple = couple;
      this.couples.push(couple);
      this.stats.acknowledgedWrites += 8;
    }
  }

  /** Sends one write and classifies its answer. 2xx: acked; 503 problem+json: refused; no answer. */
  private async send(
    kind: string,
    write: () => Promise<Answer>,
    expected: number[] = [200, 201],
  ): Promise<{ outcome: Outcome; answer?: Answer }> {
    let answer: Answer;
    try {
      answer = await write();
    } catch (error) {
      if (this.phase.allowNoAnswer) {
        this.stats.unansweredWrites += 1;
      } else {
        this.stats.errors.push(`${kind}: no answer (${String(error)})`);
      }
      return { outcome: 'no-answer' };
    }
    if (expected.includes(answer.status)) {
      this.stats.acknowledgedWrites += 1;
      this.stats.byKind[kind] = (this.stats.byKind[kind] ?? 0) + 1;
      return { outcome: 'acked', answer };
    }
    const isProblem503 =
      answer.status === 503 &&
      (answer.headers.get('content-type') ?? '').startsWith('application/problem+json') &&
      answer.body?.code === 'service-busy';
    if (isProblem503 && this.phase.allowRefusals) {
      this.stats.refusedWrites += 1;
      return { outcome: 'refused', answer };
    }
    this.stats.errors.push(`${kind}: answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    return { outcome: 'refused', answer };
  }

  /** Signs people up and makes each a couple space of their own, while `phase.running`. */
  async signUpLoop(url: string, log: LogSource): Promise<void> {
    while (this.phase.running) {
      const email = this.nextEmail();
      let client: HttpClient;
      try {
        client = await signUpPerson(url, log, email, `Person ${this.sequence}`);
      } catch (error) {
        if (this.phase.allowNoAnswer) {
          this.stats.unansweredWrites += 1;
          return;
        }
        if (this.phase.allowRefusals && /answered 503/.test(String(error))) {
          this.stats.refusedWrites += 1;
          await sleep(100);
          continue;
        }
        this.stats.errors.push(`sign-up: ${String(error)}`);
        return;
      }
      const person = this.newPerson(client, email);
      person.busy = true;
      this.stats.acknowledgedWrites += 1;
      this.stats.byKind['sign-up'] = (this.stats.byKind['sign-up'] ?? 0) + 1;
      try {
        const { outcome, answer } = await this.send('couple', () => client.post('/api/couple'), [201]);
        if (outcome === 'acked') {
          person.coupleId = answer!.body.id;
        } else {
          person.coupleUnknown = true;
          if (outcome === 'no-answer') {
            return;
          }
        }
      } finally {
        person.busy = false;
      }
    }
  }

  /** One writer: picks an idle person and one of their writes, until `phase.running` ends. */
  async writeLoop(): Promise<void> {
    while (this.phase.running) {
      const idle = this.people.filter((person) => !person.busy);
      const person = idle[randomInt(idle.length || 1)];
      if (!person) {
        await sleep(20);
        continue;
      }
      person.busy = true;
      let outcome: Outcome;
      try {
        outcome = await this.writeOnce(person);
      } finally {
        person.busy = false;
      }
      if (outcome === 'no-answer') {
        return; // the server is gone (killed, or crashed: then an error is recorded)
      }
      if (outcome === 'refused') {
        await sleep(100); // the database is down: do not spin
      }
    }
  }

  private async writeOnce(person: Person): Promise<Outcome> {
    const couple = person.couple;
    const choice = randomInt(couple ? 14 : 7);
    if (choice === 6) {
      return this.reminderSettingsWrite(person);
    }
    if (choice >= 12) {
      return this.planSectionWrite(person);
    }
    if (choice <= 1) {
      const content = this.marker('helps');
      person.preferences.pending.push(content);
      const { outcome } = await this.send('support-preferences', () =>
        person.client.put('/api/me/support-preferences', { helps: content, doesNotHelp: `not ${content}` }),
      );
      if (outcome === 'acked') {
        person.preferences = { acked: content, pending: [] };
      }
      return outcome;
    }
    if (choice === 2) {
      const audience = audiences[randomInt(audiences.length)]!;
      person.audience.pending.push(audience);
      const { outcome } = await this.send('sharing', () => person.client.put('/api/me/sharing/support-preferences', { audience }));
      if (outcome === 'acked') {
        person.audience = { acked: audience, pending: [] };
      }
      return outcome;
    }
    if (choice <= 5) {
      const marker = this.marker('checkin');
      person.checkin.pending.push(marker);
      const { outcome } = await this.send('checkin', () => person.client.put(`/api/me/checkins/${today()}`, checkinFor(marker)));
      if (outcome === 'acked') {
        person.checkin = { acked: marker, pending: [] };
      }
      return outcome;
    }
    if (choice <= 7) {
      const text = this.marker('I will walk');
      person.commitments.pending.add(text);
      const { outcome } = await this.send(
        'commitment',
        () => person.client.post('/api/couple/commitments', { text, dueDate: today() }),
        [201],
      );
      if (outcome === 'acked') {
        person.commitments.pending.delete(text);
        person.commitments.acked.add(text);
      }
      return outcome;
    }
    if (choice <= 9) {
      const text = this.marker('thank you');
      person.appreciations.pending.add(text);
      const { outcome } = await this.send(
        'appreciation',
        () => person.client.post('/api/couple/appreciations', { kind: 'appreciation', date: today(), text, told: randomInt(2) === 0 }),
        [201],
      );
      if (outcome === 'acked') {
        person.appreciations.pending.delete(text);
        person.appreciations.acked.add(text);
      }
      return outcome;
    }
    return this.contractWrite(person, couple!);
  }

  /** Reminder settings: the check-in time is the marker; the medication time follows from it. */
  private async reminderSettingsWrite(person: Person): Promise<Outcome> {
    const time = `${String(randomInt(24)).padStart(2, '0')}:${String(randomInt(60)).padStart(2, '0')}`;
    person.reminderTime.pending.push(time);
    const { outcome } = await this.send('reminder-settings', () =>
      person.client.put('/api/me/reminder-settings', reminderSettingsFor(time)),
    );
    if (outcome === 'acked') {
      person.reminderTime = { acked: time, pending: [] };
    }
    return outcome;
  }

  /** My own section of the Continuing Recovery Plan (a new version each time). */
  private async planSectionWrite(person: Person): Promise<Outcome> {
    const marker = this.marker('I will phone my sponsor');
    person.planSection.pending.push(marker);
    const { outcome } = await this.send('plan-section', () =>
      person.client.put('/api/couple/plan/my-section', {
        section: { iWillDo: [marker], highRiskSituations: [`after ${marker}`], partnerCanDo: [], partnerWillNot: [] },
      }),
    );
    if (outcome === 'acked') {
      person.planSection = { acked: marker, pending: [] };
    }
    return outcome;
  }

  /** One commitment by `person`, outside the writer loops; its text when answered 2xx (then required), else null. */
  async writeCommitment(person: Person): Promise<string | null> {
    const text = this.marker('I will call');
    person.commitments.pending.add(text);
    const { outcome } = await this.send(
      'commitment',
      () => person.client.post('/api/couple/commitments', { text, dueDate: today() }),
      [201],
    );
    if (outcome !== 'acked') {
      return null;
    }
    person.commitments.pending.delete(text);
    person.commitments.acked.add(text);
    return text;
  }

  /** Signs the latest version when this person has not, else (partner in recovery) writes a new one. */
  private async contractWrite(person: Person, couple: Couple): Promise<Outcome> {
    if (couple.busy) {
      return 'acked';
    }
    couple.busy = true;
    try {
      const latest = couple.latestVersionId ? couple.versions.get(couple.latestVersionId) : undefined;
      if (latest && !latest.signers.has(person.userId) && !latest.pendingSigners.has(person.userId)) {
        const id = couple.latestVersionId!;
        latest.pendingSigners.add(person.userId);
        const { outcome } = await this.send('contract-signature', () => person.client.post(`/api/couple/contract/versions/${id}/sign`));
        if (outcome === 'acked') {
          latest.pendingSigners.delete(person.userId);
          latest.signers.add(person.userId);
        }
        return outcome;
      }
      const marker = this.marker('We walk on Sundays');
      const writer = couple.a;
      const { outcome, answer } = await this.send('contract-version', () =>
        writer.client.put('/api/couple/contract', {
          discussionTime: '20:30',
          otherItems: [marker],
          keepPastUseInSessions: true,
          myPart: { intention: 'I intend to stay sober today.', medication: '', meetings: 'AA on Tuesdays' },
        }),
      );
      if (outcome === 'acked') {
        const id = answer!.body.latest.id as string;
        couple.versions.set(id, { marker, signers: new Set(), pendingSigners: new Set() });
        couple.latestVersionId = id;
      } else {
        // Unknown whether it landed: a later signature would go to a version we cannot name.
        couple.latestVersionId = null;
      }
      return outcome;
    } finally {
      couple.busy = false;
    }
  }

  /** Reads back, as its owner, everything each person was told had been saved. */
  async verifyAll(): Promise<void> {
    for (const person of this.people) {
      await this.verifyPerson(person);
    }
    for (const couple of this.couples) {
      await this.verifyContract(couple);
    }
  }

  private lose(person: Person, what: string): void {
    this.stats.lost.push(`${person.email}: ${what}`);
  }

  private async verifyPerson(person: Person): Promise<void> {
    const me = await person.client.get('/api/me');
    this.stats.checks += 1;
    if (me.status !== 200 || me.body.user.id !== person.userId) {
      this.lose(person, `account or session gone (GET /api/me answered ${me.status})`);
      return;
    }
    if (person.coupleId !== null) {
      this.stats.checks += 1;
      if (me.body.coupleId !== person.coupleId) {
        this.lose(person, `couple ${person.coupleId} gone (now ${me.body.coupleId})`);
      }
    } else if (person.coupleUnknown && me.body.coupleId) {
      person.coupleId = me.body.coupleId; // the unanswered create did land: from now on it is required
    }

    if (person.preferences.acked !== null || person.preferences.pending.length > 0) {
      const preferences = await person.client.get('/api/me/support-preferences');
      const stored = preferences.body.helps === '' ? null : preferences.body.helps;
      const allowed = [person.preferences.acked, ...person.preferences.pending];
      this.stats.checks += 1;
      if (
        preferences.status !== 200 ||
        !allowed.includes(stored) ||
        (stored !== null && preferences.body.doesNotHelp !== `not ${stored}`)
      ) {
        this.lose(person, `support preferences: expected ${JSON.stringify(allowed)}, read ${preferences.status} ${JSON.stringify(stored)}`);
      }
      person.preferences = { acked: stored, pending: [] };
    }

    if (person.audience.acked !== null || person.audience.pending.length > 0) {
      const sharing = await person.client.get('/api/me/sharing');
      const setting = (sharing.body.settings as Array<{ kind: string; audience: string; updatedAt: string | null }>).find(
        (s) => s.kind === 'support-preferences',
      );
      const read = setting?.updatedAt ? setting.audience : null;
      const allowed = [person.audience.acked, ...person.audience.pending];
      this.stats.checks += 1;
      if (sharing.status !== 200 || !allowed.includes(read)) {
        this.lose(person, `sharing: expected ${JSON.stringify(allowed)}, read ${sharing.status} ${JSON.stringify(read)}`);
      }
      person.audience = { acked: read, pending: [] };
    }

    if (person.checkin.acked !== null || person.checkin.pending.length > 0) {
      const day = today();
      const list = await person.client.get(`/api/me/checkins?from=${day}&to=${day}`);
      const entry = list.body.checkins?.[0];
      const read: string | null = entry ? entry.note : null;
      const allowed = [person.checkin.acked, ...person.checkin.pending];
      this.stats.checks += 1;
      const expected = read === null ? null : checkinFor(read);
      const isWhole =
        expected === null ||
        (['mood', 'craving', 'sleep', 'stress', 'closeness', 'conflict', 'used'] as const).every(
          (field) => entry[field] === expected[field],
        );
      if (list.status !== 200 || !allowed.includes(read) || !isWhole) {
        this.lose(person, `check-in: expected ${JSON.stringify(allowed)}, read ${list.status} ${JSON.stringify(entry ?? null)}`);
      }
      person.checkin = { acked: read, pending: [] };
    }

    if (person.reminderTime.acked !== null || person.reminderTime.pending.length > 0) {
      const answer = await person.client.get('/api/me/reminder-settings');
      const settings = answer.body?.settings;
      const read: string | null = answer.body?.updatedAt ? (settings?.checkIn?.time ?? null) : null;
      const allowed = [person.reminderTime.acked, ...person.reminderTime.pending];
      this.stats.checks += 1;
      const isWhole = read === null || JSON.stringify(settings) === JSON.stringify(reminderSettingsFor(read));
      if (answer.status !== 200 || !allowed.includes(read) || !isWhole) {
        this.lose(
          person,
          `reminder settings: expected ${JSON.stringify(allowed)}, read ${answer.status} ${JSON.stringify(settings ?? null)}`,
        );
      }
      person.reminderTime = { acked: read, pending: [] };
    }

    if (person.planSection.acked !== null || person.planSection.pending.length > 0) {
      const plan = await person.client.get('/api/couple/plan');
      const sections = (plan.body?.latest?.sections ?? []) as Array<{ partnerId: string; iWillDo: string[]; highRiskSituations: string[] }>;
      const mine = sections.find((section) => section.partnerId === person.userId);
      const read = mine ? (mine.iWillDo[0] ?? null) : null;
      const allowed = [person.planSection.acked, ...person.planSection.pending];
      this.stats.checks += 1;
      const isWhole = read === null || (mine!.iWillDo.length === 1 && mine!.highRiskSituations[0] === `after ${read}`);
      if (plan.status !== 200 || !allowed.includes(read) || !isWhole) {
        this.lose(person, `plan section: expected ${JSON.stringify(allowed)}, read ${plan.status} ${JSON.stringify(mine ?? null)}`);
      }
      person.planSection = { acked: read, pending: [] };
    }

    if (person.commitments.acked.size + person.commitments.pending.size > 0) {
      const list = await person.client.get('/api/couple/commitments');
      const mine = list.status === 200 ? (list.body.commitments as Array<{ authorId: string; text: string; dueDate: string }>) : [];
      this.verifyAppended(
        person,
        'commitment',
        person.commitments,
        list.status,
        mine.filter((c) => c.authorId === person.userId).map((c) => c.text),
      );
    }
    if (person.appreciations.acked.size + person.appreciations.pending.size > 0) {
      const day = today();
      const list = await person.client.get(`/api/couple/appreciations?from=2026-01-01&to=${day}`);
      const mine = list.status === 200 ? (list.body.appreciations as Array<{ authorId: string; text: string }>) : [];
      this.verifyAppended(
        person,
        'appreciation',
        person.appreciations,
        list.status,
        mine.filter((a) => a.authorId === person.userId).map((a) => a.text),
      );
    }
  }

  private verifyAppended(person: Person, what: string, appended: Appended, status: number, texts: string[]): void {
    this.stats.checks += 1;
    if (status !== 200) {
      this.lose(person, `${what}s: list answered ${status}`);
      return;
    }
    const counts = new Map<string, number>();
    for (const text of texts) {
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    for (const text of appended.acked) {
      if (counts.get(text) !== 1) {
        this.lose(person, `${what} "${text}" answered 2xx, found ${counts.get(text) ?? 0} times`);
      }
    }
    for (const [text, count] of counts) {
      if (!appended.acked.has(text) && !appended.pending.has(text)) {
        this.lose(person, `${what} "${text}" appeared without being written`);
      } else if (count !== 1) {
        this.lose(person, `${what} "${text}" found ${count} times`);
      }
    }
    for (const text of appended.pending) {
      if (counts.has(text)) {
        appended.acked.add(text); // it did land: from now on it is required
      }
    }
    appended.pending.clear();
  }

  private async verifyContract(couple: Couple): Promise<void> {
    if (couple.versions.size === 0) {
      return;
    }
    const history = await couple.a.client.get('/api/couple/contract/versions');
    this.stats.checks += 1;
    if (history.status !== 200) {
      this.lose(couple.a, `contract versions answered ${history.status}`);
      return;
    }
    const read = new Map(
      (history.body.versions as Array<{ id: string; otherItems: string[]; signatures: Array<{ partnerId: string }> }>).map((v) => [
        v.id,
        v,
      ]),
    );
    for (const [id, version] of couple.versions) {
      this.stats.checks += 1;
      const stored = read.get(id);
      if (!stored || stored.otherItems.length !== 1 || stored.otherItems[0] !== version.marker) {
        this.lose(couple.a, `contract version ${id} (${version.marker}): read ${JSON.stringify(stored?.otherItems ?? null)}`);
        continue;
      }
      const signers = new Set(stored.signatures.map((s) => s.partnerId));
      for (const signer of version.signers) {
        if (!signers.has(signer)) {
          this.lose(couple.a, `signature of ${signer} on contract version ${id} answered 2xx, not there`);
        }
      }
      for (const signer of signers) {
        if (!version.signers.has(signer) && !version.pendingSigners.has(signer)) {
          this.lose(couple.a, `signature of ${signer} on contract version ${id} appeared without being sent`);
        }
        version.signers.add(signer);
      }
      version.pendingSigners.clear();
    }
  }
}

function expectStatus(answer: Answer, status: number, what: string): void {
  if (answer.status !== status) {
    throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
