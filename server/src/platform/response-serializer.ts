import type { FastifySerializerCompiler } from 'fastify';
import fastJsonStringify from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * A response serializer for large, hot answers (the 90-day check-in list, the couple page),
 * set per route with `serializerCompiler: schemaSerializerCompiler`; every other route keeps
 * fastify-type-provider-zod's, which runs a full Zod parse of the answer and then
 * `JSON.stringify` (for 90 check-ins about as much Node time as reading them, docs/BENCHMARKS.md).
 *
 * This one compiles the same Zod response schema once, through its JSON Schema (`z.toJSONSchema`,
 * output side), into a fast-json-stringify function. The response schema stays the data-exposure
 * control: fast-json-stringify writes only the properties the schema declares, at every level,
 * so a field the service did not mean to send never leaves the server (tested in
 * `response-serializer.test.ts`, with extra fields at each level). What it does not do is
 * Zod's check of every value against the schema (a wrong type is coerced, not refused); a
 * missing required property still fails the request. A schema that has no JSON Schema form,
 * or needs a choice between alternatives (anyOf / oneOf / allOf / not / $ref: fast-json-stringify
 * would pick a branch by validating, and refuse a value with an extra field rather than strip
 * it), keeps the Zod serializer.
 */
export const schemaSerializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const schema = route.schema;
  if (!(schema instanceof z.ZodType)) {
    return zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
  }
  let jsonSchema: Record<string, unknown>;
  try {
    jsonSchema = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'throw' }) as Record<string, unknown>;
  } catch {
    return zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
  }
  delete jsonSchema['$schema'];
  if (/"(anyOf|oneOf|allOf|not|\$ref)":/.test(JSON.stringify(jsonSchema))) {
    return zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
  }
  return fastJsonStringify(jsonSchema) as (data: unknown) => string;
};
