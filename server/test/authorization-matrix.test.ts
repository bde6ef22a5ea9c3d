import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { consentableKinds } from '@twofold/core/programs/consent.schemas';
import { hasToldEntries } from '@twofold/core/sharing/data-kinds';
import { buildTestApp, type TestApp, type TestClient } from './test-app';
import { listeningUrl, SseClient } from './sse-client';
import { actorOrder, buildScenario, routeCatalog as matrix, type ActorName, type Row, type Scenario } from './route-catalog';

/**
 * Every route × every kind of actor. The other partner is treated as a possible adversary: with
 * sharing off they must learn nothing, not even that something exists.
 */

async function run(s: Scenario, row: Row, actor: ActorName) {
  if (actor === 'partnerWithSharing') {
    await s.owner.put(`/api/me/sharing/${row.kind ?? 'support-preferences'}`, { audience: 'both' });
  }
  const client = actor === 'partnerWithSharing' ? s.clients.partner : s.clients[actor];
  const { url, body } = row.request(s);
  if (row.stream) {
    return openStream(s, client, url);
  }
  return client.request(row.method, url, body === undefined ? {} : { body });
}

/** An event stream through a listening server: its status, headers and (for an error) body; closed at once. */
async function openStream(s: Scenario, client: TestClient, url: string) {
  const opened = await SseClient.open(await listeningUrl(s.t.app), client.cookieHeader(), url);
  opened.client?.close();
  return { status: opened.status, body: opened.body ?? '', headers: Object.fromEntries(opened.headers) };
}

let t: TestApp;
let shared: Scenario;
beforeAll(async () => {
  t = await buildTestApp();
  shared = await buildScenario(t);
});
afterAll(async () => {
  await t.close();
});

describe('authorization matrix', () => {
  it('has a row for every API route, and every row is a route', () => {
    const routes = t.app.routeTable
      .filter((route) => route.url.startsWith('/api/') && !route.url.startsWith('/api/docs'))
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    expect(matrix.map((row) => `${row.method} ${row.url}`).sort()).toEqual(routes);
  });

  for (const row of matrix) {
    it(`${row.method} ${row.url}`, async () => {
      const s = row.isolated ? await buildScenario(t) : shared;
      if (!row.isolated) {
        await s.owner.put(`/api/me/sharing/${row.kind ?? 'support-preferences'}`, { audience: 'private' });
      }
      const seen: Record<string, number> = {};
      for (const actor of actorOrder) {
        const answer = await run(s, row, actor);
        seen[actor] = answer.status;
        // Excessive data exposure: nobody's answer carries another person's e-mail, and only those
        // allowed see the owner's private words.
        const text = JSON.stringify(answer.body);
        for (const [name, email] of s.emails) {
          if (name !== actor && !(actor === 'partnerWithSharing' && name === 'partner')) {
            expect(text, `${actor} saw the e-mail of ${name}`).not.toContain(email);
          }
        }
        const mayReadOwner = actor === 'owner' || (actor === 'partnerWithSharing' && row.url.startsWith('/api/people/'));
        if (!mayReadOwner) {
          expect(text, `${actor} saw the owner's private words`).not.toContain('owner-secret');
        }
        if (answer.status >= 400) {
          expect(answer.headers['content-type']).toContain('application/problem+json');
        }
      }
      expect(seen).toEqual(row.expect);
    });
  }
});

/**
 * Every read of a person's data by the care team (each GET /api/people/… row the catalogue marks
 * with a kind) needs a current consent: the program's assigned clinician reads it under one, and
 * gets the same 404 as absence once the consent is revoked or expired, when deactivated, when not
 * assigned to the couple, or when outside the program; the program admin never reads it.
 */
describe('authorization matrix: the care team under consent', () => {
  const isPeopleRead = (row: Row) => row.method === 'GET' && row.url.startsWith('/api/people/') && row.kind !== undefined;
  const careTeamReads = matrix.filter((row) => isPeopleRead(row) && (consentableKinds as readonly string[]).includes(row.kind!));
  // Kinds told entry by entry (lapse reports): telling the care team is the consent, entry by entry;
  // the clinician still has to be the couple's assigned, active one.
  const toldReads = matrix.filter((row) => isPeopleRead(row) && hasToldEntries(row.kind!));

  for (const row of toldReads) {
    it(`${row.method} ${row.url} (told entries)`, async () => {
      const s = await buildScenario(t);
      const { url } = row.request(s);
      const clinician = s.clients.clinicianInProgram;
      const status = async (client: TestClient) => (await client.get(url)).status;
      expect(await status(clinician), 'assigned clinician, entry told to the care team').toBe(row.expect.clinicianInProgram);
      expect(await status(s.admin!), 'program admin').toBe(404);
      await s.admin!.patch(`/api/programs/${s.programId}/clinicians/${clinician.userId}`, { active: false });
      expect(await status(clinician), 'deactivated clinician').toBe(404);
      await s.admin!.patch(`/api/programs/${s.programId}/clinicians/${clinician.userId}`, { active: true });
      expect(await status(clinician)).toBe(row.expect.clinicianInProgram);
      await s.admin!.put(`/api/programs/${s.programId}/couples/${s.coupleId}/clinicians`, { clinicianIds: [] });
      expect(await status(clinician), 'clinician not assigned to the couple').toBe(404);
    });
  }

  it('covers the reads of every kind that can be shared with the care team', () => {
    expect(careTeamReads.length).toBeGreaterThanOrEqual(9);
    expect(toldReads.length).toBeGreaterThanOrEqual(2);
  });

  for (const row of careTeamReads) {
    it(`${row.method} ${row.url}`, async () => {
      const s = await buildScenario(t);
      const { url } = row.request(s);
      const kind = row.kind!;
      const clinician = s.clients.clinicianInProgram;
      const status = async (client: TestClient) => (await client.get(url)).status;
      const consentIdOf = async () =>
        (await s.owner.get('/api/me/consents')).body.consents.find(
          (c: { kind: string; status: string }) => c.kind === kind && c.status === 'current',
        )?.id as string;

      await s.owner.put(`/api/me/sharing/${kind}`, { audience: 'care-team' });
      expect(await status(clinician), 'assigned clinician with a current consent').toBe(200);
      expect(await status(s.clients.clinicianOutside), 'clinician outside the program').toBe(404);
      expect(await status(s.admin!), 'program admin').toBe(404);

      await s.owner.delete(`/api/me/consents/${await consentIdOf()}`);
      expect(await status(clinician), 'revoked consent').toBe(404);

      await s.owner.put(`/api/me/sharing/${kind}`, { audience: 'care-team' });
      expect(await status(clinician)).toBe(200);
      await sql`update care_consents set granted_at = now() - interval '2 days', expires_at = now() - interval '1 day' where id = ${await consentIdOf()}`.execute(
        t.database.db,
      );
      expect(await status(clinician), 'expired consent').toBe(404);

      await s.owner.post('/api/me/consents', { programId: s.programId, kinds: [kind], purpose: 'treatment' });
      expect(await status(clinician)).toBe(200);
      await s.admin!.patch(`/api/programs/${s.programId}/clinicians/${clinician.userId}`, { active: false });
      expect(await status(clinician), 'deactivated clinician').toBe(404);
      await s.admin!.patch(`/api/programs/${s.programId}/clinicians/${clinician.userId}`, { active: true });
      expect(await status(clinician)).toBe(200);
      await s.admin!.put(`/api/programs/${s.programId}/couples/${s.coupleId}/clinicians`, { clinicianIds: [] });
      expect(await status(clinician), 'clinician not assigned to the couple').toBe(404);
      expect(await status(s.clients.partner), 'the other partner (care-team only)').toBe(404);
    });
  }
});
