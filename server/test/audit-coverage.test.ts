import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedAudiences, hasEntrySharing, hasToldEntries, type DataKind } from '@twofold/core/sharing/data-kinds';
import { buildTestApp, type TestApp, type TestClient } from './test-app';
import { buildScenario, routeCatalog, type Row, type Scenario } from './route-catalog';

/**
 * Every route that reads another person's data writes exactly one audit row per request: the
 * route table is walked, and each GET route that names the person whose data it reads
 * (`:partnerId`) is read by the partner and by the clinician while the owner shares its kind with
 * both. A refused read, and the owner reading their own data, write none.
 */

let t: TestApp;
let s: Scenario;
beforeAll(async () => {
  t = await buildTestApp();
  s = await buildScenario(t);
});
afterAll(async () => {
  await t.close();
});

const readsOfAnother = routeCatalog.filter((row) => row.method === 'GET' && row.url.includes(':partnerId'));

interface AuditRow {
  actorId: string;
  subjectId: string;
  kind: string;
  relation: string;
}

async function auditAfter(id: string): Promise<AuditRow[]> {
  const { rows } = await sql<AuditRow>`
    select actor_id, subject_id, kind, relation from audit_events where id > ${id}::bigint order by id`.execute(t.database.db);
  return rows;
}

async function lastId(): Promise<string> {
  const { rows } = await sql<{ id: string | null }>`select max(id)::text as id from audit_events`.execute(t.database.db);
  return rows[0]?.id ?? '0';
}

function kindOf(row: Row): DataKind {
  return (row.kind ?? (row.url.endsWith('/journal') ? 'journal' : 'support-preferences')) as DataKind;
}

async function share(kind: DataKind, audience: 'both' | 'private'): Promise<void> {
  const wanted = allowedAudiences(kind).includes(audience) ? audience : 'private';
  const answer = await s.owner.put(`/api/me/sharing/${kind}`, { audience: wanted });
  expect(answer.status).toBe(200);
}

describe('every read of another person’s data is audited once', () => {
  it('covers the people routes of the route table', () => {
    const fromTable = t.app.routeTable.filter((r) => r.method === 'GET' && r.url.includes(':partnerId')).map((r) => r.url);
    expect(readsOfAnother.map((row) => row.url).sort()).toEqual(fromTable.sort());
    expect(readsOfAnother.length).toBeGreaterThanOrEqual(10);
  });

  let audited = 0;
  for (const row of readsOfAnother) {
    it(`GET ${row.url}`, async () => {
      const kind = kindOf(row);
      const { url } = row.request(s);
      const readers: Array<[string, TestClient]> = [
        ['partner', s.clients.partner],
        ['clinician', s.clients.clinicianInProgram],
      ];

      // Refused (nothing shared) and the owner's own read: no audit row.
      await share(kind, 'private');
      const before = await lastId();
      // Entries shared or told one by one (journal entries with the care team, lapse reports told to
      // the partner or the care team) reach their reader whatever the kind's setting: audited once each.
      const entryReads: AuditRow[] = [];
      for (const [relation, client] of readers) {
        const answer = await client.get(url);
        if ((hasEntrySharing(kind) || hasToldEntries(kind)) && answer.status === 200) {
          entryReads.push({ actorId: client.userId!, subjectId: s.owner.userId!, kind, relation });
        } else {
          expect(answer.status, relation).toBe(404);
        }
      }
      if (kind === 'journal') {
        expect(entryReads.map((read) => read.relation)).toEqual(['clinician']);
      }
      expect((await s.owner.get(url)).status).toBe(row.expect.owner);
      expect(await auditAfter(before), 'a refused read was audited').toEqual(entryReads);

      // Shared with both: each 200 answer is exactly one row naming reader, owner, kind and relation.
      await share(kind, 'both');
      let readsAllowed = 0;
      for (const [relation, client] of readers) {
        for (let i = 0; i < 2; i += 1) {
          const start = await lastId();
          const answer = await client.get(url);
          const rows = await auditAfter(start);
          if (answer.status === 200) {
            readsAllowed += 1;
            expect(rows, `${relation} read ${row.url}`).toEqual([{ actorId: client.userId, subjectId: s.owner.userId, kind, relation }]);
          } else {
            expect(answer.status, `${relation} read ${row.url}`).toBe(404);
            expect(rows, `${relation} was refused but audited`).toEqual([]);
          }
        }
      }
      expect(readsAllowed, 'nobody could read: the test would prove nothing').toBeGreaterThan(0);
      audited += readsAllowed;
      const start = await lastId();
      expect((await s.owner.get(url)).status).toBe(row.expect.owner);
      expect(await auditAfter(start), 'the owner reading their own data is not a disclosure').toEqual([]);
      await share(kind, 'private');
    });
  }

  it('counted the audited reads', () => {
    console.log(`audit-coverage: ${readsOfAnother.length} routes, ${audited} audited reads, one row each`);
    expect(audited).toBeGreaterThanOrEqual(readsOfAnother.length * 2);
  });
});
