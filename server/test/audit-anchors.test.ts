import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditVerify, verifyAuditTrail, type AnchorsFile } from '../../scripts/audit-verify';
import { buildTestApp, newCouple, testDialect, type TestApp, type TestClient } from './test-app';

/**
 * `npm run audit:verify -- --anchors FILE`: the newest rows of a chain (its tail) can be deleted
 * without breaking the chain, so the chain alone cannot tell. The anchors file records each chain's
 * head; deleting a tail row as the table owner (trigger switched off) is then detected on the next
 * run, which exits 1 and keeps the file as evidence.
 */
let t: TestApp;
let couple: { a: TestClient; b: TestClient };
let folder: string;
let anchorsPath: string;

async function audited(times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    expect((await couple.b.get(`/api/people/${couple.a.userId}/support-preferences`)).status).toBe(200);
    expect((await couple.a.get(`/api/people/${couple.b.userId}/support-preferences`)).status).toBe(200);
  }
}

async function verify(): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runAuditVerify(t.database.db, (line) => lines.push(line), { anchorsPath });
  return { code, lines };
}

/** What the table's owner or a superuser can do: switch the trigger off, delete, switch it on. */
async function deleteAsOwner(where: ReturnType<typeof sql>): Promise<void> {
  await t.database.db.transaction().execute(async (tx) => {
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(tx);
    await sql`delete from audit_events where ${where}`.execute(tx);
    await sql`alter table audit_events enable always trigger audit_events_no_change`.execute(tx);
  });
}

beforeAll(async () => {
  t = await buildTestApp();
  couple = await newCouple(t);
  for (const person of [couple.a, couple.b]) {
    await person.put('/api/me/support-preferences', { helps: 'walks', doesNotHelp: 'advice' });
    await person.put('/api/me/sharing/support-preferences', { audience: 'partner' });
  }
  await audited(3);
  folder = mkdtempSync(join(tmpdir(), 'twofold-anchors-'));
  anchorsPath = join(folder, 'audit-anchors.json');
});
afterAll(async () => {
  await t.close();
  rmSync(folder, { recursive: true, force: true });
});

describe(`npm run audit:verify -- --anchors (${testDialect})`, () => {
  it('anchors every chain head on the first run, and accepts new rows appended after it', async () => {
    const first = await verify();
    expect(first.code).toBe(0);
    expect(first.lines.join('\n')).toContain('no anchors yet; 2 heads anchored');
    const anchors = JSON.parse(readFileSync(anchorsPath, 'utf8')) as AnchorsFile;
    expect(Object.keys(anchors.heads).sort()).toEqual([couple.a.userId!, couple.b.userId!].sort());
    expect(anchors.heads[couple.a.userId!]!.rows).toBe(3);

    await audited(2);
    const second = await verify();
    expect(second.code).toBe(0);
    expect(second.lines.join('\n')).toContain('all 2 anchored heads present');
    const updated = JSON.parse(readFileSync(anchorsPath, 'utf8')) as AnchorsFile;
    expect(updated.heads[couple.a.userId!]!.rows).toBe(5);
    expect(updated.digest).not.toBe(anchors.digest);
  });

  it('detects the newest row of a chain deleted by the table owner, which the chain alone cannot', async () => {
    const before = readFileSync(anchorsPath, 'utf8');
    const subject = couple.a.userId!;
    await deleteAsOwner(sql`id = (select max(id) from audit_events where subject_id = ${subject})`);
    // The gap this closes: what is left is still a valid chain.
    expect((await verifyAuditTrail(t.database.db)).broken).toBeNull();

    const run = await verify();
    expect(run.code).toBe(1);
    const report = run.lines.join('\n');
    expect(report).toContain(`TAIL REMOVED: subject ${subject}`);
    expect(report).toContain('that row is gone, the chain now ends at row');
    expect(report).not.toContain(`subject ${couple.b.userId}`);
    // Kept as evidence: the next run fails again rather than accepting the shorter chain.
    expect(readFileSync(anchorsPath, 'utf8')).toBe(before);
    expect((await verify()).code).toBe(1);
  });

  it('detects a whole chain deleted', async () => {
    await deleteAsOwner(sql`subject_id = ${couple.b.userId}`);
    const run = await verify();
    expect(run.code).toBe(1);
    expect(run.lines.join('\n')).toContain(`subject ${couple.b.userId}: its head on`);
    expect(run.lines.join('\n')).toContain('the chain now ends at nothing');
  });
});
