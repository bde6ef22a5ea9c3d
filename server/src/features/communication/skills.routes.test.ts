import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newPerson, type TestApp } from '../../../test/test-app';
import { openCouple, tableText, restoreClock } from '../../../test/communication-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
afterEach(restoreClock);

describe('skills library and practice log', () => {
  it('lists the five skills with steps, a practice prompt and their sources, in English and Spanish', async () => {
    const person = await newPerson(t);
    const en = await person.get('/api/communication/skills');
    expect(en.status).toBe(200);
    expect(en.body.locale).toBe('en');
    expect(en.body.skills.map((s: { id: string }) => s.id)).toEqual([
      'reflective-listening',
      'i-statements',
      'expressing-feelings',
      'communication-sessions',
      'time-out',
    ]);
    for (const skill of en.body.skills) {
      expect(skill.steps.length).toBeGreaterThan(2);
      expect(skill.practicePrompt).not.toBe('');
      expect(skill.sources.map((s: { citation: string }) => s.citation).join(' ')).toMatch(/O'Farrell|McCrady/);
    }
    const es = await person.get('/api/communication/skills?locale=es');
    expect(es.body.skills[4].title).toBe('Tiempo fuera');
    expect(es.body.skills.map((s: { id: string }) => s.id)).toEqual(en.body.skills.map((s: { id: string }) => s.id));
    await person.patch('/api/me', { locale: 'es' });
    expect((await person.get('/api/communication/skills')).body.locale).toBe('es');
  });

  it('keeps each person’s practice marks to themselves, once a day per skill', async () => {
    const { a, b } = await openCouple(t);
    const first = await a.post('/api/communication/practices', { skillId: 'time-out' });
    expect(first.status).toBe(201);
    const again = await a.post('/api/communication/practices', { skillId: 'time-out' });
    expect(again.body.id).toBe(first.body.id);
    expect((await a.get('/api/communication/practices')).body.practices).toHaveLength(1);
    expect((await b.get('/api/communication/practices')).body.practices).toEqual([]);
    const skills = await a.get('/api/communication/skills');
    expect(skills.body.skills.find((s: { id: string }) => s.id === 'time-out').practice).toEqual({ count: 1, lastDate: first.body.date });
    const bad = await a.post('/api/communication/practices', { skillId: 'yelling' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('/skillId');
  });

  it('is open to a partner on their own, outside any couple', async () => {
    const alone = await newPerson(t);
    expect((await alone.get('/api/communication/skills')).status).toBe(200);
    expect((await alone.post('/api/communication/practices', { skillId: 'i-statements' })).status).toBe(201);
    expect((await alone.post('/api/communication/check-draft', { draft: 'You never listen.' })).status).toBe(200);
  });
});

describe('the "I" statement helper route', () => {
  it('returns the spans and the template, and stores nothing', async () => {
    const person = await newPerson(t);
    const draft = 'You never listen and it is all your fault, draft-marker-42';
    const answer = await person.post('/api/communication/check-draft', { draft, locale: 'es' });
    expect(answer.status).toBe(200);
    expect(answer.body.findings.map((f: { kind: string; start: number; end: number }) => [f.kind, draft.slice(f.start, f.end)])).toEqual([
      ['always-never', 'You never'],
      ['blame', 'it is all your fault'],
    ]);
    expect(answer.body.suggestion.template).toBe('Me siento … cuando … porque … Me gustaría …');
    const { rows } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.database.db);
    for (const { name } of rows) {
      expect(await tableText(t, name), name).not.toContain('draft-marker-42');
    }
  });

  it('refuses a draft over 2,000 characters with the field at fault', async () => {
    const person = await newPerson(t);
    const answer = await person.post('/api/communication/check-draft', { draft: 'x'.repeat(2001) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].pointer).toBe('/draft');
  });
});
