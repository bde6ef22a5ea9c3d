import { describe, expect, it } from 'vitest';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { checkinListSchema } from '@twofold/core/recovery/checkin.schemas';
import { coupleSchema } from '@twofold/core/couples/couple.schemas';
import { schemaSerializerCompiler } from './response-serializer';

type Route = Parameters<typeof schemaSerializerCompiler>[0];
const route = (schema: unknown) => ({ schema, method: 'GET', url: '/test', httpStatus: '200' }) as Route;

const checkin = {
  date: '2026-11-20',
  mood: 3,
  craving: 2,
  used: false,
  substancesUsed: [],
  sleep: 4,
  stress: 2,
  closeness: 4,
  conflict: 'none',
  triggerIds: ['5b0d6b0e-3f5c-4b1a-9a43-3c8f0b1d2e4f'],
  note: 'my own words',
  isLate: false,
  updatedAt: '2026-11-20T18:00:00.000Z',
  can: { edit: true },
};
const list = {
  ownerId: '0f1e2d3c-4b5a-4697-8887-766554433221',
  today: '2026-11-20',
  checkins: [checkin, { ...checkin, date: '2026-11-21' }],
};
const couple = {
  id: '0f1e2d3c-4b5a-4697-8887-766554433221',
  createdAt: '2026-11-20T18:00:00.000Z',
  partners: [{ id: '5b0d6b0e-3f5c-4b1a-9a43-3c8f0b1d2e4f', displayName: 'Alex', isMe: true, joinedAt: '2026-11-20T18:00:00.000Z' }],
  pendingInvite: { id: '6c1e7c1f-4a6d-4c2b-8b54-4d9a1c2e3f50', expiresAt: '2026-11-27T18:00:00.000Z' },
  programs: [{ id: '7d2f8d20-5b7e-4d3c-9c65-5eab2d3f4061', name: 'Program', myEnrollment: 'accepted' }],
  notices: [{ id: '8e309e31-6c8f-4e4d-8d76-6fbc3e405172', code: 'partner-left', at: '2026-11-20T18:00:00.000Z' }],
  can: { invite: true, leave: true },
};

/** The same value with a secret field added to every object in it, at every level. */
function withSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withSecrets);
  }
  if (value !== null && typeof value === 'object') {
    return { ...Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withSecrets(inner)])), secret: 'must not leave' };
  }
  return value;
}

describe('schema serializer (fast-json-stringify from the Zod response schema)', () => {
  it('is fast-json-stringify for a schema without alternatives, Zod for one with (a nullable object)', () => {
    expect(schemaSerializerCompiler(route(checkinListSchema)).name).not.toBe(zodSerializerCompiler(route(checkinListSchema) as never).name);
    expect(schemaSerializerCompiler(route(coupleSchema)).toString()).toBe(zodSerializerCompiler(route(coupleSchema) as never).toString());
  });

  for (const [name, schema, value] of [
    ['check-in list', checkinListSchema, list],
    ['couple', coupleSchema, couple],
    ['couple without invite', coupleSchema, { ...couple, pendingInvite: null }],
  ] as const) {
    it(`writes what the Zod serializer writes (${name})`, () => {
      const fast = schemaSerializerCompiler(route(schema));
      const zod = zodSerializerCompiler(route(schema) as Parameters<typeof zodSerializerCompiler>[0]);
      expect(JSON.parse(fast(value))).toEqual(JSON.parse(zod(value)));
    });

    it(`never writes a field the schema does not declare, at any level (${name})`, () => {
      const out = schemaSerializerCompiler(route(schema))(withSecrets(value));
      expect(out).not.toContain('secret');
      expect(out).not.toContain('must not leave');
      expect(JSON.parse(out)).toEqual(value);
    });
  }

  it('fails rather than leaving out a required field', () => {
    const { note: _note, ...noNote } = checkin;
    expect(() => schemaSerializerCompiler(route(checkinListSchema))({ ...list, checkins: [noNote] })).toThrow();
  });
});
