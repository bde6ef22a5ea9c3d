import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Answer, type TestApp } from './test-app';
import { buildScenario, routeCatalog, type Row, type Scenario } from './route-catalog';
import { dumpDatabase } from './fuzz/dump';
import {
  type FieldSchema,
  type JsonPath,
  RawJson,
  atLimits,
  deepJson,
  edgeStrings,
  pastLimits,
  pathsOf,
  pointerOf,
  schemaAt,
  setAt,
  toPayload,
  wrongType,
} from './fuzz/hostile';
import { runSeed } from './fuzz/prng';

/**
 * Property-based input tests for every route that takes a body or a query string. Arbitrary and
 * hostile inputs (wrong types, numbers past and at the limits, NaN/Infinity as strings, strings of
 * 1 MB, 10,000 levels of nesting, unicode edge cases with lone surrogates and NUL, prototype keys,
 * extra fields, hostile path parameters) sent by the person the route is for:
 *  - an invalid input answers 4xx application/problem+json naming the field at fault, never 5xx,
 *    and the database is byte-for-byte the same afterwards (every table);
 *  - an unusual but possibly valid input (edge-case strings, numbers at the limits) never answers
 *    5xx, and a 400 names the field.
 * The list of routes comes from the route catalog; a route whose OpenAPI operation has a body or
 * query schema but no example in the catalog fails the coverage test. Reproduce with FUZZ_SEED.
 */

const invalidRuns = 20;
const unusualRuns = 10;
const seed = runSeed();

let t: TestApp;
let s: Scenario;
let openapi: { paths: Record<string, Record<string, Operation>> };
let casesRun = 0;

interface Operation {
  requestBody?: { content: Record<string, { schema: FieldSchema }> };
  parameters?: Array<{ in: string; name: string; schema: FieldSchema }>;
}

interface Case {
  name: string;
  url: string;
  payload?: string;
  /** The field at fault, as a JSON pointer; null when the request as a whole is at fault. */
  pointer: string | null;
}

beforeAll(async () => {
  t = await buildTestApp();
  s = await buildScenario(t);
  openapi = (await s.owner.get('/api/openapi.json')).body;
}, 120_000);
afterAll(async () => {
  console.log(`input-properties: ${casesRun} hostile requests sent (seed ${seed}, reproduce with FUZZ_SEED=${seed})`);
  await t.close();
});

function operationOf(method: string, url: string): Operation | undefined {
  return openapi.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
}

/**
 * Every catalog row: at run time each is tested with what its OpenAPI operation takes (a body —
 * routes without one get a schema that allows only an empty body, so they are tested with `{}` —
 * query parameters, including optional ones the example leaves out, and path parameters).
 */
const covered = routeCatalog;

function splitUrl(url: string): { path: string; query: Array<[string, string]> } {
  const [path, query] = url.split('?') as [string, string | undefined];
  return { path, query: [...new URLSearchParams(query ?? '')] };
}

function withQuery(path: string, query: Array<[string, string]>, raw?: string): string {
  const encoded = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  if (raw) {
    encoded.push(raw);
  }
  return encoded.length > 0 ? `${path}?${encoded.join('&')}` : path;
}

const protoKeys = ['__proto__', 'constructor', 'prototype'];

/** Percent-encoded query values no browser would send: invalid UTF-8, lone surrogates, NUL. */
const rawQueryValues = ['%ED%A0%80', '%C0%AF', '%FF%FE', '%00', 'a%00b', '%F0%9F%98', '%25%32%35', '%E2%80%AE'];

function invalidCases(row: Row, url: string, body: unknown, bodySchema: FieldSchema | undefined, op: Operation | undefined) {
  const { path, query } = splitUrl(url);
  const arbitraries: Array<fc.Arbitrary<Case>> = [];
  const bodyCase = (name: string, value: unknown, pointer: string | null): Case => ({ name, url, payload: toPayload(value), pointer });

  if (body !== undefined) {
    const places = pathsOf(body);
    for (const { path: at, value } of places) {
      const schema = schemaAt(bodySchema, at);
      const pointer = pointerOf(at);
      const wrong = wrongType(value, schema);
      if (wrong) {
        arbitraries.push(wrong.map((v) => bodyCase(`wrong type at ${pointer}: ${JSON.stringify(v)}`, setAt(body, at, v), pointer)));
      }
      arbitraries.push(
        fc
          .constantFrom('array' as const, 'object' as const)
          .map((kind) =>
            bodyCase(`10,000 levels of ${kind}s at ${pointer}`, setAt(body, at, new RawJson(deepJson(10_000, kind))), pointer),
          ),
      );
      if (typeof value === 'number' || schema?.type === 'number' || schema?.type === 'integer') {
        arbitraries.push(
          fc.constantFrom(...pastLimits(schema)).map((v) => bodyCase(`past the limits at ${pointer}: ${v}`, setAt(body, at, v), pointer)),
        );
      }
      if (typeof value === 'string') {
        const tooLong = Math.min((schema?.maxLength ?? 60_000) + 1, 60_000);
        arbitraries.push(
          fc
            .tuple(fc.constantFrom(...edgeStrings), fc.constantFrom('a', 'x', '9'))
            .map(([edge, pad]) => bodyCase(`${tooLong} characters at ${pointer}`, setAt(body, at, edge + pad.repeat(tooLong)), pointer)),
        );
        arbitraries.push(fc.constant(bodyCase(`1 MB at ${pointer}`, setAt(body, at, 'x'.repeat(1024 * 1024)), null)));
      }
      if (Array.isArray(value) && schema?.maxItems !== undefined) {
        const item = value[0] ?? schemaDefault(schema.items);
        arbitraries.push(
          fc.constant(
            bodyCase(`${schema.maxItems + 1} items at ${pointer}`, setAt(body, at, Array(schema.maxItems + 1).fill(item)), pointer),
          ),
        );
      }
    }
    // Extra fields, at the top and in every nested object, including prototype keys.
    const objects: JsonPath[] = [
      [],
      ...places.filter((p) => p.value && typeof p.value === 'object' && !Array.isArray(p.value)).map((p) => p.path),
    ];
    const key = fc.oneof(fc.constantFrom(...protoKeys, 'isAdmin', 'ownerId', 'role', 'id'), fc.string({ minLength: 1, maxLength: 12 }));
    arbitraries.push(
      fc
        .tuple(fc.constantFrom(...objects), key, fc.jsonValue({ maxDepth: 2 }))
        .filter(([at, k]) => !(k in ((atPath(body, at) as object) ?? {})))
        // A prototype key inside the extra value makes the whole body unreadable (refused before any
        // field is looked at), so such values are their own cases (key `k` above), not this one.
        .filter(([, , v]) => !protoKeys.some((proto) => JSON.stringify(v).includes(JSON.stringify(proto))))
        .map(([at, k, v]) => {
          const target = structuredClone(atPath(body, at)) as Record<string, unknown>;
          Object.defineProperty(target, k, { value: v, enumerable: true, writable: true, configurable: true });
          const whole = at.length === 0 ? target : setAt(body, at, target);
          return bodyCase(
            `an extra field ${JSON.stringify(k)} at ${pointerOf(at) || '/'}`,
            whole,
            protoKeys.includes(k) ? null : pointerOf([...at, k]),
          );
        }),
    );
    // Not an object at all.
    arbitraries.push(
      fc
        .oneof(
          fc.jsonValue({ maxDepth: 2 }).filter((v) => (v === null ? !acceptsNull(bodySchema) : typeof v !== 'object' || Array.isArray(v))),
          fc.constant(new RawJson(deepJson(10_000, 'array'))),
        )
        .map((v) => bodyCase(`a body that is ${JSON.stringify(v instanceof RawJson ? 'deep' : v)?.slice(0, 40)}`, v, null)),
      fc.constant<Case>({ name: '10,000 levels of objects as the body', url, payload: deepJson(10_000, 'object'), pointer: null }),
      fc.constant<Case>({ name: 'an invalid JSON text', url, payload: '{"a": tru', pointer: null }),
    );
  }

  // Query strings: every parameter with bad values, repeated, with unknown and prototype keys.
  const queryParams = (op?.parameters ?? []).filter((p) => p.in === 'query');
  // Parameters of the example and optional ones it leaves out, from the OpenAPI operation.
  const names = [...new Set([...query.map(([k]) => k), ...queryParams.map((p) => p.name)])];
  for (const name of names) {
    const schema = queryParams.find((p) => p.name === name)?.schema;
    const others = query.filter(([k]) => k !== name);
    const valid = query.find(([k]) => k === name)?.[1] ?? String(schema?.enum?.[0] ?? 'x');
    const tooLong = (schema?.maxLength ?? 4000) + 1;
    const constrained = schema?.maxLength === undefined || schema.enum !== undefined;
    arbitraries.push(
      fc.constantFrom(
        { name: `${name} repeated`, url: withQuery(path, [...others, [name, valid], [name, valid]]), pointer: `/${name}` },
        { name: `${name} too long`, url: withQuery(path, [...others, [name, 'x'.repeat(tooLong)]]), pointer: `/${name}` },
        ...(constrained
          ? ['not-a-valid-value', '2026-13-45', '-1', 'NaN'].map((v) => ({
              name: `${name}=${v}`,
              url: withQuery(path, [...others, [name, v]]),
              pointer: `/${name}`,
            }))
          : []),
      ),
    );
  }
  if (query.length > 0 || queryParams.length > 0) {
    arbitraries.push(
      fc
        .tuple(
          fc.oneof(fc.constantFrom(...protoKeys, 'ownerId', 'isAdmin'), fc.stringMatching(/^[a-z]{1,10}$/)),
          fc.string({ maxLength: 20 }),
        )
        .filter(([k]) => !names.includes(k))
        .map(([k, v]) => ({
          name: `an extra query parameter ${k}`,
          url: withQuery(path, query, `${encodeURIComponent(k)}=${encodeURIComponent(v)}`),
          pointer: protoKeys.includes(k) ? null : `/${k}`,
        })),
    );
  }

  // Hostile path parameters in place of each :param.
  const params = row.url.split('/').flatMap((segment, index) => (segment.startsWith(':') ? [index] : []));
  for (const index of params) {
    arbitraries.push(
      fc
        .constantFrom(
          'not-a-uuid',
          'x'.repeat(300),
          '%00',
          '%ED%A0%80',
          '..%2F..%2Fetc',
          'NaN',
          '-1',
          '00000000-0000-0000-0000-00000000000g',
        )
        .map((v) => {
          const segments = path.split('/');
          segments[index] = v;
          return {
            name: `path ${row.url.split('/')[index]}=${v.slice(0, 20)}`,
            url: withQuery(segments.join('/'), query),
            ...(body === undefined ? {} : { payload: toPayload(body) }),
            pointer: null,
          };
        }),
    );
  }
  return arbitraries.length > 0 ? fc.oneof(...arbitraries) : null;
}

function unusualCases(url: string, body: unknown, bodySchema: FieldSchema | undefined, queryNames: string[]) {
  const { path, query } = splitUrl(url);
  const arbitraries: Array<fc.Arbitrary<Case>> = [];
  const edge = fc.oneof(
    fc.constantFrom(...edgeStrings),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  );
  if (body !== undefined) {
    for (const { path: at, value } of pathsOf(body)) {
      const schema = schemaAt(bodySchema, at);
      const pointer = pointerOf(at);
      if (typeof value === 'string') {
        arbitraries.push(
          edge.map((v) => ({ name: `${JSON.stringify(v)} at ${pointer}`, url, payload: toPayload(setAt(body, at, v)), pointer })),
        );
      }
      if (typeof value === 'number') {
        arbitraries.push(
          fc
            .constantFrom(...atLimits(schema))
            .map((v) => ({ name: `${v} at ${pointer}`, url, payload: toPayload(setAt(body, at, v)), pointer: null })),
        );
      }
    }
  }
  for (const name of [...new Set([...query.map(([k]) => k), ...queryNames])]) {
    const others = query.filter(([k]) => k !== name);
    arbitraries.push(
      fc
        .oneof(
          edge.filter((v) => !loneSurrogate.test(v)).map((v) => withQuery(path, [...others, [name, v]])),
          fc.constantFrom(...rawQueryValues).map((v) => withQuery(path, others, `${name}=${v}`)),
        )
        .map((u) => ({ name: `${name} in ${u.slice(0, 80)}`, url: u, pointer: `/${name}` })),
    );
  }
  return arbitraries.length > 0 ? fc.oneof(...arbitraries) : null;
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function acceptsNull(schema: FieldSchema | undefined): boolean {
  return (
    [schema?.type ?? []].flat().includes('null') || [...(schema?.anyOf ?? []), ...(schema?.oneOf ?? [])].some((v) => v.type === 'null')
  );
}

function atPath(value: unknown, path: JsonPath): unknown {
  let target: any = value;
  for (const key of path) {
    target = target?.[key];
  }
  return target;
}

function schemaDefault(schema: FieldSchema | undefined): unknown {
  return schema?.enum?.[0] ?? (schema?.type === 'string' ? 'x' : schema?.type === 'object' ? {} : 1);
}

async function send(row: Row, c: Case): Promise<Answer> {
  casesRun += 1;
  return s.owner.request(row.method, c.url, {
    ...(c.payload === undefined ? {} : { payload: c.payload }),
    headers: { 'content-type': 'application/json' },
  });
}

/**
 * KNOWN FINDING (reported, not ours to fix: server/src/app.ts): Fastify answers an over-long path
 * parameter (414 FST_ERR_MAX_PARAM_LENGTH) and a path that is not valid percent-encoded UTF-8
 * (400 FST_ERR_BAD_URL) itself, as application/json, not through the problem+json error handler.
 * They also lack the security headers. Still 4xx, still no change; the two 'known finding' tests
 * below fail once it is fixed, and then this exception goes.
 */
function isKnownFrameworkAnswer(answer: Answer): boolean {
  const code = (answer.body as { code?: string } | null)?.code;
  return code === 'FST_ERR_MAX_PARAM_LENGTH' || code === 'FST_ERR_BAD_URL';
}

function pointersOf(answer: Answer): string[] {
  const errors = (answer.body as { errors?: Array<{ pointer: string }> } | null)?.errors ?? [];
  return errors.map((e) => e.pointer);
}

/** The field named, or a part of it or a place inside it (an item of a list, a list of items). */
function namesField(answer: Answer, pointer: string): boolean {
  return pointersOf(answer).some((p) => p === pointer || p.startsWith(`${pointer}/`) || pointer.startsWith(`${p}/`));
}

function describeAnswer(c: Case, answer: Answer): string {
  return `${c.name} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
}

describe('property-based input tests', () => {
  it('covers every route whose OpenAPI operation takes a body, a query string or path parameters', () => {
    const missing: string[] = [];
    for (const route of t.app.routeTable) {
      if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) {
        continue;
      }
      const op = operationOf(route.method, route.url);
      const row = covered.find((r) => r.method === route.method && r.url === route.url);
      const takesQuery = (op?.parameters ?? []).some((p) => p.in === 'query' && (p as { required?: boolean }).required);
      // A route left out of the OpenAPI document (the document itself) must take no input at all.
      const hidden = !op && (route.method !== 'GET' || route.url.includes(':'));
      if (hidden || !row || (takesQuery && !row.request(s).url.includes('?'))) {
        missing.push(`${route.method} ${route.url}`);
      }
    }
    expect(missing, 'routes with an input schema but no example in route-catalog.ts').toEqual([]);
    expect(covered.length).toBeGreaterThan(30);
  });

  const frameworkAnswered = [`/api/programs/${'x'.repeat(300)}`, '/api/programs/%ED%A0%80'];
  it('an over-long or badly encoded path parameter answers problem+json', async () => {
    for (const url of frameworkAnswered) {
      const answer = await s.owner.get(url);
      expect(answer.headers['content-type'], url).toContain('application/problem+json');
    }
  });
  it('an over-long or badly encoded path parameter answers with the security headers', async () => {
    for (const url of frameworkAnswered) {
      const answer = await s.owner.get(url);
      expect(answer.headers['content-security-policy'], url).toBeDefined();
      expect(answer.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  // An event stream (GET /api/couple/events) never ends, so `inject` cannot send it cases that it
  // accepts; its one query parameter is checked in couple-events.routes.test.ts.
  for (const row of covered.filter((r) => !r.stream)) {
    it(`${row.method} ${row.url}`, async () => {
      const example = row.request(s);
      const op = operationOf(row.method, row.url);
      const url = example.url;
      const body = example.body ?? (op?.requestBody ? {} : undefined);
      const bodySchema = op?.requestBody?.content['application/json']?.schema;
      const invalid = invalidCases(row, url, body, bodySchema, op);
      const unusual = unusualCases(
        url,
        body,
        bodySchema,
        (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      );
      if (!op) {
        // Not in the OpenAPI document (the document itself): the coverage test holds it to no input.
        return;
      }
      if (!invalid && !unusual) {
        return; // Takes no input besides the session (e.g. GET /api/health).
      }
      const before = await dumpDatabase(t);
      if (invalid) {
        await fc.assert(
          fc.asyncProperty(invalid, async (c) => {
            const answer = await send(row, c);
            expect(answer.status, describeAnswer(c, answer)).toBeGreaterThanOrEqual(400);
            expect(answer.status, describeAnswer(c, answer)).toBeLessThan(500);
            if (!isKnownFrameworkAnswer(answer)) {
              expect(answer.headers['content-type'], describeAnswer(c, answer)).toContain('application/problem+json');
            }
            expect(JSON.stringify(answer.body)).not.toMatch(/at .*\.(ts|js):\d+|node_modules|stack/i);
            if (c.pointer !== null && answer.status === 400 && pointersOf(answer).length > 0) {
              expect(namesField(answer, c.pointer), describeAnswer(c, answer)).toBe(true);
            }
            // A rate limit (invite redemption, sign-in) may answer first; it changes nothing either.
            if (c.pointer !== null && !c.name.startsWith('1 MB') && answer.status !== 429) {
              expect(answer.status, describeAnswer(c, answer)).toBe(400);
              expect(namesField(answer, c.pointer), describeAnswer(c, answer)).toBe(true);
            }
          }),
          { seed, numRuns: invalidRuns, endOnFailure: true },
        );
      }
      expect(await dumpDatabase(t), 'an invalid request changed the database').toBe(before);

      if (unusual) {
        await fc.assert(
          fc.asyncProperty(unusual, async (c) => {
            const answer = await send(row, c);
            expect(answer.status, describeAnswer(c, answer)).toBeLessThan(500);
            if (answer.status >= 400) {
              expect(answer.headers['content-type'], describeAnswer(c, answer)).toContain('application/problem+json');
            }
            if (answer.status === 400 && c.pointer !== null && pointersOf(answer).length > 0) {
              expect(namesField(answer, c.pointer), describeAnswer(c, answer)).toBe(true);
            }
          }),
          { seed, numRuns: unusualRuns, endOnFailure: true },
        );
      }
    });
  }
});
