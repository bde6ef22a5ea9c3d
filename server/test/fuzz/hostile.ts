import fc from 'fast-check';

/**
 * Hostile values for property-based input tests. Each generator knows the example value it
 * replaces and, where the OpenAPI document gives them, the field's limits.
 */

export type JsonPath = (string | number)[];

/** The JSON schema of a field in an OpenAPI document (only what the generators need). */
export interface FieldSchema {
  type?: string | string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxLength?: number;
  minLength?: number;
  maxItems?: number;
  enum?: unknown[];
  properties?: Record<string, FieldSchema>;
  items?: FieldSchema;
  anyOf?: FieldSchema[];
  oneOf?: FieldSchema[];
}

/** The schema of the value at `path`, following properties, items and nullable unions. */
export function schemaAt(root: FieldSchema | undefined, path: JsonPath): FieldSchema | undefined {
  let schema = root;
  for (const key of path) {
    schema = concrete(schema);
    if (!schema) {
      return undefined;
    }
    schema = typeof key === 'number' ? schema.items : schema.properties?.[key];
  }
  return concrete(schema);
}

function concrete(schema: FieldSchema | undefined): FieldSchema | undefined {
  const union = schema?.anyOf ?? schema?.oneOf;
  return union ? (union.find((s) => s.type !== 'null') ?? schema) : schema;
}

/** Every place in an example value: leaves and containers, not the root. */
export function pathsOf(value: unknown, at: JsonPath = []): Array<{ path: JsonPath; value: unknown }> {
  const found: Array<{ path: JsonPath; value: unknown }> = at.length > 0 ? [{ path: at, value }] : [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => found.push(...pathsOf(v, [...at, i])));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      found.push(...pathsOf(v, [...at, k]));
    }
  }
  return found;
}

export function setAt(value: unknown, path: JsonPath, replacement: unknown): unknown {
  if (path.length === 0) {
    return replacement;
  }
  const copy = structuredClone(value) as any;
  let target = copy;
  for (const key of path.slice(0, -1)) {
    target = target[key];
  }
  target[path.at(-1)!] = replacement;
  return copy;
}

export function pointerOf(path: JsonPath): string {
  return path.map((key) => '/' + String(key).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/** `depth` levels of nesting, as JSON text. */
export function deepJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** Marks a value that must be sent as raw JSON text (deep nesting would overflow JSON.stringify's caller). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a body that may contain RawJson pieces. */
export function toPayload(value: unknown): string {
  const pieces: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      pieces.push(v.text);
      return `\u0001RAW${pieces.length - 1}\u0001`;
    }
    return v;
  });
  return text.replace(/"\\u0001RAW(\d+)\\u0001"/g, (_m, i: string) => pieces[Number(i)]!);
}

/** Strings that are known to trip parsers, databases and renderers. */
export const edgeStrings = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\ud83d',
  '\u202e\u202d',
  '\u200b\u200d\ufeff',
  'e\u0301\u0301\u0301',
  '\uffff\ufffe',
  '🏳️‍🌈👩‍👩‍👧',
  '𝕏𝔂',
  '\\u0000',
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../etc/passwd',
  '%00%ff',
  ' ',
  '\r\n\t',
];

/** The JSON types a field accepts, from its schema (or the example's type when there is none). */
function acceptedTypes(example: unknown, schema: FieldSchema | undefined): Set<string> {
  const types = new Set<string>();
  const add = (s: FieldSchema | undefined) => {
    for (const type of [s?.type ?? []].flat()) {
      types.add(type === 'integer' ? 'number' : type);
    }
    for (const variant of [...(s?.anyOf ?? []), ...(s?.oneOf ?? [])]) {
      add(variant);
    }
  };
  add(schema);
  if (types.size === 0) {
    types.add(example === null ? 'null' : Array.isArray(example) ? 'array' : typeof example);
  }
  return types;
}

function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** A value of a JSON type the field does not accept. */
export function wrongType(example: unknown, schema: FieldSchema | undefined): fc.Arbitrary<unknown> | null {
  const accepted = acceptedTypes(example, schema);
  const options = ['a string', '', '1', 1, -1, true, false, [], ['x'], [1], {}, { $ne: null }, { $gt: '' }].filter(
    (value) => !accepted.has(jsonType(value)),
  );
  return options.length > 0 ? fc.constantFrom(...options) : null;
}

/** Numbers past the field's limits, numbers JSON cannot carry, and numbers-as-strings. */
export function pastLimits(schema: FieldSchema | undefined): unknown[] {
  const values: unknown[] = ['NaN', 'Infinity', '-Infinity', '1e309', '0x10', '1', 1e300, -1e300, Number.MAX_SAFE_INTEGER + 2, -(2 ** 63)];
  if (schema?.maximum !== undefined) {
    values.push(schema.maximum + 1);
  }
  if (schema?.minimum !== undefined) {
    values.push(schema.minimum - 1);
  }
  if (schema?.exclusiveMaximum !== undefined) {
    values.push(schema.exclusiveMaximum);
  }
  if (schema?.exclusiveMinimum !== undefined) {
    values.push(schema.exclusiveMinimum);
  }
  if (schema?.type === 'integer') {
    values.push(0.5 + (schema.minimum ?? 0));
  }
  return values;
}

/** Numbers exactly at the field's limits (valid, or refused by a rule; never a 5xx). */
export function atLimits(schema: FieldSchema | undefined): unknown[] {
  const values: unknown[] = [];
  if (schema?.maximum !== undefined) {
    values.push(schema.maximum);
  }
  if (schema?.minimum !== undefined) {
    values.push(schema.minimum);
  }
  return values.length > 0 ? values : [0, -0];
}
