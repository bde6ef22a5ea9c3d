import { z } from 'zod';

export const crisisResourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['suicide', 'substance', 'emergency', 'ipv', 'text']),
  phone: z.string().optional(),
  sms: z.object({ number: z.string(), keyword: z.string().optional() }).optional(),
  url: z.string().optional(),
  hours: z.string().optional(),
});

export const crisisResourcesSchema = z.object({
  region: z.string().describe('ISO 3166 region the lines serve.'),
  resources: z.array(crisisResourceSchema),
});
export type CrisisResources = z.infer<typeof crisisResourcesSchema>;

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ dialect: z.enum(['postgres', 'pglite']), reachable: z.boolean() }),
});
