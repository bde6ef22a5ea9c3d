import { randomUUID } from 'node:crypto';
import {
  type Audience,
  type DataKind,
  allowedAudiences,
  dataKindIds,
  includesCareTeam,
  includesPartner,
} from '@twofold/core/sharing/data-kinds';
import { todayIn } from '../../src/platform/local-date';
import type { Scenario } from '../route-catalog';
import type { TestClient } from '../test-app';
import { enableTwoFactor, newPerson, type TestApp } from '../test-app';

/**
 * A small world for authorization fuzzing: four couples (two enrolled in different programs, one
 * on its own, one whose partners separated), a person alone, and two programs with an admin and a
 * clinician each. Every person writes unique secret markers into every free-text field they own,
 * and shares differently, so an oracle can tell for each marker who may see it right now.
 */

export type Role = 'partner' | 'clinician' | 'admin' | 'alone';

/** What a marker is: whose words, which kind of data, and whether it may ever leave its owner. */
export interface MarkerInfo {
  owner: string;
  kind: DataKind | 'account' | 'support-contacts';
  field: string;
  /** Never shown to anyone but the owner (check-in notes, support contacts, e-mail, unshared journal). */
  privateOnly: boolean;
  /** A journal entry its owner shared with the care team. */
  sharedWithCareTeam?: boolean;
  /** An encouragement: the writer (owner) and the recipient may see it. */
  recipient?: string;
}

export interface Person {
  name: string;
  role: Role;
  client: TestClient;
  id: string;
  /** Program where this person is staff. */
  staffOf?: string;
  /** Program this person accepted enrollment in. */
  enrolledIn?: string;
  coupleId?: string;
  /** Current partner (both still members). */
  partnerId?: string;
  /** The partner this person had before one of them left. */
  formerPartnerId?: string;
  items: {
    triggerEntryId: string;
    supportContactId: string;
    journalEntryId: string;
    goalId: string;
    stepId: string;
    triggerId: string;
    careAlertId: string;
  };
  noticeId?: string;
  inviteId?: string;
  inviteToken?: string;
  audiences: Partial<Record<DataKind, Audience>>;
}

export interface World {
  t: TestApp;
  people: Person[];
  byId: Map<string, Person>;
  markers: Map<string, MarkerInfo>;
  programIds: string[];
  today: string;
  yesterday: string;
  /** Every id in the world and what it is. */
  ids: Map<string, { type: string; owner: string | null }>;
}

const MARK = 'MK';
export const markerPattern = /MK[0-9a-f]{4}_[a-z0-9]+_[A-Za-z]+_[0-9a-f]{6}/g;

/** Picks the audience closest to the wish that the registry allows for the kind. */
function effective(kind: DataKind, wish: Audience): Audience {
  const allowed = allowedAudiences(kind);
  if (allowed.includes(wish)) {
    return wish;
  }
  if (wish === 'both' && allowed.includes('care-team')) {
    return 'care-team';
  }
  if (wish === 'both' && allowed.includes('partner')) {
    return 'partner';
  }
  return 'private';
}

export async function buildWorld(t: TestApp): Promise<World> {
  const markers = new Map<string, MarkerInfo>();
  const ids = new Map<string, { type: string; owner: string | null }>();
  const today = todayIn('America/Chicago');
  const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
  const mark = (owner: Person | { id: string; name: string }, kind: MarkerInfo['kind'], field: string, extra: Partial<MarkerInfo> = {}) => {
    const value = `${MARK}${randomUUID().slice(0, 4)}_${owner.name.toLowerCase()}_${field}_${randomUUID().replaceAll('-', '').slice(0, 6)}`;
    markers.set(value, { owner: owner.id, kind, field, privateOnly: false, ...extra });
    return value;
  };

  const make = async (name: string, role: Role): Promise<Person> => {
    const client = await newPerson(t, `Person ${name}`);
    const person: Person = { name, role, client, id: client.userId!, items: {} as Person['items'], audiences: {} };
    ids.set(person.id, { type: 'user', owner: person.id });
    markers.set(client.email!, { owner: person.id, kind: 'account', field: 'email', privateOnly: true });
    return person;
  };

  // Programs: an admin and a clinician each.
  const programIds: string[] = [];
  const staff: Person[] = [];
  for (const tag of ['p1', 'p2']) {
    const admin = await make(`admin${tag}`, 'admin');
    // Program staff use two-step sign-in.
    await enableTwoFactor(admin.client);
    const program = await admin.client.post('/api/programs', { name: `Program ${tag}` });
    const programId = program.body.id as string;
    programIds.push(programId);
    ids.set(programId, { type: 'program', owner: null });
    admin.staffOf = programId;
    const invite = await admin.client.post(`/api/programs/${programId}/clinician-invites`);
    ids.set(invite.body.id, { type: 'invite', owner: admin.id });
    const clinician = await make(`clin${tag}`, 'clinician');
    await clinician.client.post(`/api/invites/${invite.body.token}/accept`);
    await enableTwoFactor(clinician.client);
    clinician.staffOf = programId;
    staff.push(admin, clinician);
  }
  const clinicianOf = (programId: string) => staff.find((p) => p.role === 'clinician' && p.staffOf === programId)!;

  // Couples.
  const partners: Person[] = [];
  const couple = async (tag: string) => {
    const a = await make(`${tag}a`, 'partner');
    const b = await make(`${tag}b`, 'partner');
    const space = await a.client.post('/api/couple');
    const invite = await a.client.post('/api/couple/invites');
    ids.set(invite.body.id, { type: 'invite', owner: a.id });
    await b.client.post(`/api/invites/${invite.body.token}/accept`);
    a.coupleId = b.coupleId = space.body.id;
    ids.set(space.body.id, { type: 'couple', owner: null });
    a.partnerId = b.id;
    b.partnerId = a.id;
    partners.push(a, b);
    return [a, b] as const;
  };
  const [k1a, k1b] = await couple('kone');
  const [k2a, k2b] = await couple('ktwo');
  const [k3a, k3b] = await couple('kthree');
  const [k4a, k4b] = await couple('kfour');
  const lone = await make('lone', 'alone');
  await lone.client.post('/api/couple');
  const loneInvite = await lone.client.post('/api/couple/invites');
  lone.inviteId = loneInvite.body.id;
  lone.inviteToken = loneInvite.body.token;
  ids.set(loneInvite.body.id, { type: 'invite', owner: lone.id });

  // Enrollment: couple one fully in program 1; in couple two only partner a accepts program 2.
  const enrollInvite = async (programId: string) => {
    const invite = await clinicianOf(programId).client.post(`/api/programs/${programId}/couple-invites`);
    ids.set(invite.body.id, { type: 'invite', owner: clinicianOf(programId).id });
    return invite.body.token as string;
  };
  const p1 = programIds[0]!;
  const p2 = programIds[1]!;
  await k1a.client.post(`/api/invites/${await enrollInvite(p1)}/accept`);
  await k1b.client.post(`/api/programs/${p1}/enrollment`);
  k1a.enrolledIn = k1b.enrolledIn = p1;
  await k2a.client.post(`/api/invites/${await enrollInvite(p2)}/accept`);
  k2a.enrolledIn = p2;

  // Sharing: everyone differently; all kinds the registry knows, including ones added later.
  const wishes: Array<[Person, Audience]> = [
    [k1a, 'both'],
    [k1b, 'partner'],
    [k2a, 'care-team'],
    [k2b, 'both'],
    [k3a, 'both'],
    [k3b, 'private'],
    [k4a, 'both'],
    [k4b, 'both'],
    [lone, 'both'],
  ];

  const everyone = [...staff, ...partners, lone];
  // Every person (staff too) writes into every space of their own.
  for (const p of everyone) {
    const c = p.client;
    await c.put('/api/me/support-preferences', {
      helps: mark(p, 'support-preferences', 'helps'),
      doesNotHelp: mark(p, 'support-preferences', 'dnh'),
    });
    await c.put('/api/me/intake', {
      inRecovery: true,
      substances: ['alcohol', 'other'],
      otherSubstance: mark(p, 'intake', 'other'),
      recoveryStartDate: '2026-01-01',
      supportNote: mark(p, 'intake', 'support'),
    });
    await c.put('/api/me/reflection', {
      patterns: { 'shared-use': 'often', enabling: null, 'caretaker-dependent': null, 'avoiding-conflict': null },
      note: mark(p, 'relationship-reflection', 'note'),
    });
    const trigger = await c.post('/api/me/triggers', { label: mark(p, 'triggers', 'label') });
    p.items.triggerId = trigger.body.id;
    ids.set(trigger.body.id, { type: 'trigger', owner: p.id });
    await c.put(`/api/me/checkins/${yesterday}`, {
      mood: 3,
      craving: 2,
      used: false,
      substancesUsed: [],
      sleep: 3,
      stress: 3,
      closeness: 3,
      conflict: 'none',
      triggerIds: [trigger.body.id],
      note: mark(p, 'checkins', 'note', { privateOnly: true }),
    });
    const entry = await c.post('/api/me/trigger-log', {
      occurredAt: '2026-11-20T18:30:00Z',
      triggerLabel: mark(p, 'triggers', 'entrylabel'),
      situation: mark(p, 'triggers', 'situation'),
      people: mark(p, 'triggers', 'people'),
      place: mark(p, 'triggers', 'place'),
      feeling: mark(p, 'triggers', 'feeling'),
      aboutRelationship: true,
      intensity: 5,
      whatIDid: mark(p, 'triggers', 'whatidid'),
      outcome: 'helped',
    });
    p.items.triggerEntryId = entry.body.id;
    ids.set(entry.body.id, { type: 'trigger-entry', owner: p.id });
    const triggerListed = await c.get('/api/me/triggers');
    for (const tr of triggerListed.body.triggers as Array<{ id: string }>) {
      ids.set(tr.id, { type: 'trigger', owner: p.id });
    }
    await c.post('/api/me/coping-runs', {
      tool: 'breathing',
      urgeBefore: 7,
      urgeAfter: 3,
      urgeDuring: [],
      durationSeconds: 120,
      startedAt: '2026-11-20T18:40:00Z',
    });
    const contact = await c.post('/api/me/support-contacts', {
      name: mark(p, 'support-contacts', 'name', { privateOnly: true }),
      relation: mark(p, 'support-contacts', 'relation', { privateOnly: true }),
      phone: '+1 555 0100',
    });
    p.items.supportContactId = contact.body.id;
    ids.set(contact.body.id, { type: 'support-contact', owner: p.id });
    const shared = p === k1a || p === k2a || p === k2b;
    const journal = await c.post('/api/me/journal', {
      title: mark(p, 'journal', 'title', { privateOnly: !shared, sharedWithCareTeam: shared }),
      body: mark(p, 'journal', 'body', { privateOnly: !shared, sharedWithCareTeam: shared }),
    });
    p.items.journalEntryId = journal.body.id;
    ids.set(journal.body.id, { type: 'journal-entry', owner: p.id });
    if (shared) {
      await c.put(`/api/me/journal/${journal.body.id}/sharing`, { sharedWithCareTeam: true });
    }
    const privateJournal = await c.post('/api/me/journal', {
      title: mark(p, 'journal', 'ptitle', { privateOnly: true }),
      body: mark(p, 'journal', 'pbody', { privateOnly: true }),
    });
    ids.set(privateJournal.body.id, { type: 'journal-entry', owner: p.id });
    const goal = await c.post('/api/me/goals', {
      title: mark(p, 'goals', 'title'),
      why: mark(p, 'goals', 'why'),
      dueDate: null,
      steps: [{ title: mark(p, 'goals', 'step'), dueDate: null }],
    });
    p.items.goalId = goal.body.id;
    p.items.stepId = goal.body.steps[0].id;
    ids.set(goal.body.id, { type: 'goal', owner: p.id });
    ids.set(goal.body.steps[0].id, { type: 'goal-step', owner: p.id });
    const notice = await t.database.db
      .insertInto('coupleNotices')
      .values({ coupleId: p.coupleId ?? partners[0]!.coupleId!, userId: p.id, code: 'partner-left' })
      .returning('id')
      .executeTakeFirstOrThrow();
    p.noticeId = notice.id;
    ids.set(notice.id, { type: 'notice', owner: p.id });
  }

  // Assessments: everyone in a couple answers the GAD-7 and the private relationship-safety screen
  // (HARK; positive for one person); the two enrolled people also answer a PHQ-9 whose item 9 raises
  // a care alert in their program.
  const submit = async (p: Person, instrumentId: string, answers: Record<string, number>) => {
    const submissionId = randomUUID();
    const answer = await p.client.post('/api/me/assessments', { instrumentId, submissionId, answers });
    if (answer.status !== 201) {
      throw new Error(`${instrumentId} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    ids.set(submissionId, { type: 'submission', owner: p.id });
    if (typeof answer.body?.id === 'string') {
      ids.set(answer.body.id, { type: 'assessment', owner: p.id });
    }
  };
  for (const p of [...partners, lone]) {
    await submit(p, 'gad-7', { '1': 1, '2': 2, '3': 0, '4': 1, '5': 0, '6': 1, '7': 0 });
    await submit(p, 'hark', p === k1a ? { H: 0, A: 1, R: 0, K: 0 } : { H: 0, A: 0, R: 0, K: 0 });
  }
  for (const p of [k1a, k2a]) {
    await submit(p, 'phq-9', { '1': 1, '2': 1, '3': 0, '4': 2, '5': 0, '6': 1, '7': 0, '8': 0, '9': 1 });
    const alert = await t.database.db
      .selectFrom('careAlerts')
      .select('id')
      .where('personId', '=', p.id)
      .where('programId', '=', p.enrolledIn!)
      .executeTakeFirstOrThrow();
    // An alert is the program's: its clinician acts on it.
    ids.set(alert.id, { type: 'care-alert', owner: clinicianOf(p.enrolledIn!).id });
    p.items.careAlertId = alert.id;
    clinicianOf(p.enrolledIn!).items.careAlertId = alert.id;
  }
  for (const p of everyone) {
    p.items.careAlertId ??= randomUUID();
  }

  for (const [p, wish] of wishes) {
    for (const kind of dataKindIds) {
      const audience = effective(kind, wish);
      const answer = await p.client.put(`/api/me/sharing/${kind}`, { audience });
      if (answer.status !== 200) {
        throw new Error(`sharing ${kind} as ${audience} answered ${answer.status}`);
      }
      p.audiences[kind] = audience;
    }
  }

  // Encouragements: the partner's words to the owner; the owner and the writer may see them.
  for (const [writer, recipient] of [
    [k1b, k1a],
    [k3b, k3a],
    [k4b, k4a],
  ] as const) {
    const answer = await writer.client.post(`/api/people/${recipient.id}/encouragements`, {
      message: mark(writer, 'milestones', 'encouragement', { recipient: recipient.id }),
      milestoneDays: null,
    });
    if (answer.status !== 204) {
      throw new Error(`encouragement answered ${answer.status}`);
    }
  }

  // Couple four separates: partner b leaves and is now an ex-partner of a.
  const left = await k4b.client.post('/api/couple/leave');
  if (left.status !== 204) {
    throw new Error(`leave answered ${left.status}`);
  }
  k4a.partnerId = undefined;
  k4b.partnerId = undefined;
  k4a.formerPartnerId = k4b.id;
  k4b.formerPartnerId = k4a.id;
  k4b.coupleId = undefined;

  const people = everyone;
  return { t, people, byId: new Map(people.map((p) => [p.id, p])), markers, programIds, today, yesterday, ids };
}

/** How the viewer relates to the owner right now, as the product promises it. */
export function relationOf(world: World, viewer: Person, ownerId: string): 'self' | 'partner' | 'clinician' | null {
  if (viewer.id === ownerId) {
    return 'self';
  }
  const owner = world.byId.get(ownerId);
  if (!owner) {
    return null;
  }
  if (viewer.partnerId === owner.id && owner.partnerId === viewer.id) {
    return 'partner';
  }
  if (viewer.role === 'clinician' && owner.enrolledIn !== undefined && owner.enrolledIn === viewer.staffOf) {
    return 'clinician';
  }
  return null;
}

/** May the viewer see data of this kind of the owner right now? */
export function mayRead(world: World, viewer: Person | null, ownerId: string, kind: DataKind): boolean {
  if (!viewer) {
    return false;
  }
  const relation = relationOf(world, viewer, ownerId);
  const owner = world.byId.get(ownerId);
  if (relation === 'self') {
    return true;
  }
  if (!relation || !owner) {
    return false;
  }
  const audience = owner.audiences[kind] ?? 'private';
  return relation === 'partner' ? includesPartner(audience) : includesCareTeam(audience);
}

/** May the viewer see this marker? The field-by-field rule of the shared views. */
export function mayReadMarker(world: World, viewer: Person | null, info: MarkerInfo): boolean {
  if (!viewer) {
    return false;
  }
  if (viewer.id === info.owner) {
    return true;
  }
  if (info.recipient !== undefined) {
    return viewer.id === info.recipient;
  }
  if (info.kind === 'journal') {
    return info.sharedWithCareTeam === true && relationOf(world, viewer, info.owner) === 'clinician';
  }
  if (info.privateOnly || info.kind === 'account' || info.kind === 'support-contacts') {
    return false;
  }
  return mayRead(world, viewer, info.owner, info.kind);
}

/** The catalog's scenario, as seen by one actor: their own items, program, notice and invite. */
export function scenarioFor(world: World, actor: Person | null): Scenario {
  const self = actor ?? world.people.find((p) => p.role === 'alone')!;
  const lone = world.people.find((p) => p.role === 'alone')!;
  return {
    t: world.t,
    items: self.items,
    today: world.today,
    clients: {} as Scenario['clients'],
    owner: self.client,
    programId: self.staffOf ?? self.enrolledIn ?? randomUUID(),
    lone: { inviteId: self.inviteId ?? randomUUID(), inviteToken: lone.inviteToken! },
    noticeId: self.noticeId ?? randomUUID(),
    emails: new Map(),
  };
}
