import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
