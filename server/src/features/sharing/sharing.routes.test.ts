import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newPerson, type TestApp } from '../../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('sharing settings', () => {
  it('lists every registered kind with the choices it offers', async () => {
    const person = await newPerson(t);
    const settings = (await person.get('/api/me/sharing')).body.settings;
    expect(settings.find((s: { kind: string }) => s.kind === 'checkins').allowedAudiences).toEqual([
      'private',
      'partner',
      'care-team',
      'both',
    ]);
    expect(settings.find((s: { kind: string }) => s.kind === 'journal').allowedAudiences).toEqual(['private']);
  });

  it('refuses to share the journal as a whole, and changes nothing', async () => {
    const person = await newPerson(t);
    const answer = await person.put('/api/me/sharing/journal', { audience: 'partner' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ pointer: '/audience' })]);
    expect((await person.get('/api/me/sharing')).body.settings.find((s: { kind: string }) => s.kind === 'journal').updatedAt).toBeNull();
  });
});
