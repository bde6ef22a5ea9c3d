import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newCouple, type TestApp } from '../../../test/test-app';
import { answerSafetyScreen, newOpenCouple } from '../../../test/together-helpers';

/**
 * The supporting-vs-enabling guide picks its examples from what the viewer may see: their own
 * reflection, intake and trigger log, the couple's boundaries, and what the partner shares with
 * them. A partner's private data never changes it.
 */
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const noPatterns = { 'shared-use': null, enabling: null, 'caretaker-dependent': null, 'avoiding-conflict': null };
const triggerEntry = {
  occurredAt: '2026-11-20T18:30:00Z',
  situation: '',
  people: '',
  place: '',
  feeling: '',
  aboutRelationship: true,
  intensity: 6,
  whatIDid: 'Went for a walk',
  outcome: 'helped',
};
type Example = { situation: string; personal: boolean; reasons: Array<{ source: string; detail: string | null }> };
const situations = (examples: Example[]) => examples.map((example) => example.situation);

describe('the supporting-vs-enabling guide', () => {
  it('shows general examples until the couple has recorded something', async () => {
    const { a } = await newOpenCouple(t);
    await a.put('/api/me/intake', { inRecovery: false, substances: [], otherSubstance: '', recoveryStartDate: null, supportNote: '' });
    const guide = await a.get('/api/couple/enabling-guide');
    expect(guide.status).toBe(200);
    expect(guide.body.examples.map((e: Example) => [e.situation, e.personal])).toEqual([
      ['money', false],
      ['covering', false],
      ['checking', false],
      ['caretaking', false],
    ]);
  });

  it('draws on my reflection, my intake, my trigger log and our boundaries, and on what my partner shares — never on their private data', async () => {
    const { a, b } = await newOpenCouple(t);
    // Alex: in recovery from alcohol (newOpenCouple), avoiding conflict "often", an argument about money logged.
    await a.put('/api/me/reflection', { patterns: { ...noPatterns, 'avoiding-conflict': 'often' }, note: 'my own words' });
    await a.post('/api/me/trigger-log', { ...triggerEntry, triggerLabel: 'Argument about money' });
    await b.post('/api/couple/boundaries', { kind: 'will-if', text: 'I will leave the party if there is drinking', reviewDate: null });

    const mine = (await a.get('/api/couple/enabling-guide')).body.examples as Example[];
    expect(situations(mine)).toEqual(['avoiding-conflict', 'social-events', 'money', 'substance-at-home']);
    expect(mine[0]!.reasons).toEqual([
      { source: 'my-reflection', detail: 'avoiding-conflict' },
      { source: 'my-triggers', detail: null },
    ]);
    expect(mine[1]!.reasons).toEqual([
      { source: 'our-boundaries', detail: null },
      { source: 'my-intake', detail: 'alcohol' },
    ]);
    expect(mine.every((example) => example.personal)).toBe(true);

    // Blake's private reflection, intake and trigger log (shared-use and caretaking "often",
    // opioids, medication and stress) change nothing of Alex's guide, and are not even read.
    await b.put('/api/me/reflection', {
      patterns: { ...noPatterns, 'shared-use': 'often', 'caretaker-dependent': 'often' },
      note: 'private words of blake',
    });
    await b.put('/api/me/intake', {
      inRecovery: true,
      substances: ['opioids'],
      otherSubstance: '',
      recoveryStartDate: null,
      supportNote: '',
    });
    await b.post('/api/me/trigger-log', { ...triggerEntry, triggerLabel: 'Stress at work', situation: 'My pills ran out' });
    const { rows: before } = await sql<{ n: number }>`select count(*)::int as n from audit_events where subject_id = ${b.userId}`.execute(
      t.database.db,
    );
    const unchanged = await a.get('/api/couple/enabling-guide');
    expect(unchanged.body.examples).toEqual(mine);
    expect(JSON.stringify(unchanged.body)).not.toContain('partner-');
    const { rows: after } = await sql<{ n: number }>`select count(*)::int as n from audit_events where subject_id = ${b.userId}`.execute(
      t.database.db,
    );
    expect(after[0]!.n).toBe(before[0]!.n);

    // Once Blake shares the reflection with Alex, it counts, named as Blake's, and the read is in Blake's access log.
    await b.put('/api/me/sharing/relationship-reflection', { audience: 'partner' });
    const shared = (await a.get('/api/couple/enabling-guide')).body.examples as Example[];
    expect(situations(shared)).toEqual(['avoiding-conflict', 'shared-use', 'caretaking', 'checking']);
    expect(shared[1]!.reasons).toEqual([{ source: 'partner-reflection', detail: 'shared-use' }]);
    const { rows: reads } = await sql<{ kind: string; actorId: string }>`
      select kind, actor_id from audit_events where subject_id = ${b.userId} order by id desc limit 1`.execute(t.database.db);
    expect(reads).toEqual([{ kind: 'relationship-reflection', actorId: a.userId }]);

    // Blake's own guide draws on Blake's own data.
    const blakes = (await b.get('/api/couple/enabling-guide')).body.examples as Example[];
    // medication: the pills of Blake's trigger log (2) and opioids in Blake's intake (1).
    expect(situations(blakes)).toEqual(['shared-use', 'caretaking', 'checking', 'medication']);
  });

  it('is joint: closed joint features and people without a couple are refused', async () => {
    const closed = await newCouple(t);
    await answerSafetyScreen(closed.a);
    expect((await closed.a.get('/api/couple/enabling-guide')).body.code).toBe('joint-features-closed');
    const { b } = await newOpenCouple(t);
    await b.post('/api/couple/leave');
    expect((await b.get('/api/couple/enabling-guide')).body.code).toBe('not-in-couple');
  });
});
