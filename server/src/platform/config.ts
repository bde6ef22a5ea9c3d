import { z } from 'zod';
import { instrumentIds, type InstrumentId } from '@twofold/core/assessments/instruments';
import type { SessionPolicy } from './sessions';

/**
 * Every setting Twofold reads, from environment variables. `loadConfig` checks them all at start
 * and fails with one clear message listing each variable at fault.
 */
const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // A second role that owns the tables and runs the migrations; DATABASE_URL's role then owns nothing (platform/db-roles.ts).
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  TWOFOLD_DATA_DIR: z.string().default('.twofold-data'),
  TWOFOLD_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 random bytes in base64 (openssl rand -base64 32)')
    .optional(),
  TWOFOLD_PREVIOUS_ENCRYPTION_KEYS: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24 * 7),
  // Clinicians and program admins: 15 minutes idle at most (issue 10), stricter allowed; a working day at most.
  SESSION_STAFF_IDLE_MINUTES: z.coerce.number().int().min(1).max(15).default(15),
  SESSION_STAFF_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  INVITE_TTL_DAYS: z.coerce.number().int().min(1).max(30).default(7),
  SECURE_COOKIES: booleanFlag.optional(),
  TRUST_PROXY: booleanFlag.default(false),
  CRISIS_REGION: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('US'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  SMTP_FROM: z.string().default('Twofold <no-reply@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_ACCOUNT_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_ACCOUNT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  PASSWORD_RESET_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  DB_QUEUE_LIMIT: z.coerce.number().int().min(1).default(256),
  INSTRUMENTS_OFF: z
    .string()
    .transform((value) => value.split(',').map((id) => id.trim()))
    .pipe(
      z
        .array(z.enum(instrumentIds, { error: `must be a comma-separated list of: ${instrumentIds.join(', ')}` }))
        // Joint features open only after the safety screen: without it they would stay closed for good.
        .refine((ids) => !ids.includes('hark'), 'cannot include hark: it is the relationship-safety screen joint features wait for'),
    )
    .optional(),
  PC_PTSD_5_CUTOFF: z.enum(['3', '4']).default('3'),
  // Reminders (issue 9): how often due reminders are looked for (0: this process runs no reminder jobs).
  REMINDERS_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).optional(),
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{80,100}$/, 'must be the base64url public key from `npx web-push generate-vapid-keys`')
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{40,50}$/, 'must be the base64url private key from `npx web-push generate-vapid-keys`')
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, 'must be a mailto: or https:// contact for the push services')
    .optional(),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string | null };
  /** PostgreSQL only: the migration role's URL; null when DATABASE_URL's role runs the migrations itself. */
  migrationDatabaseUrl: string | null;
  dataDir: string;
  encryptionKey: string | null;
  previousEncryptionKeys: string[];
  /** Idle timeouts and lifetimes: partners (configurable) and staff (15 minutes idle at most). */
  sessionPolicy: SessionPolicy;
  inviteTtlDays: number;
  secureCookies: boolean;
  trustProxy: boolean;
  crisisRegion: string;
  smtp: { url: string | null; from: string };
  logLevel: string;
  rateLimitAuthPerMinute: number;
  /** Per-account attempts (login, codes, reset, invite) in a window, counted in the database. */
  rateLimitAccount: { attempts: number; windowMinutes: number };
  passwordResetTtlMinutes: number;
  dbQueueLimit: number;
  /** Questionnaires switched off (e.g. a licence the deployment does not hold). */
  instrumentsOff: InstrumentId[];
  ptsdCutoff: 3 | 4;
  /** Reminder jobs: the sweep interval (0 = none in this process) and Web Push keys (null = no push). */
  reminders: { sweepSeconds: number; vapid: { publicKey: string; privateKey: string; subject: string } | null };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Twofold cannot start: the configuration has problems.\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.MIGRATION_DATABASE_URL && !c.DATABASE_URL) {
    throw new ConfigError(
      'Twofold cannot start: the configuration has problems.\n  MIGRATION_DATABASE_URL: needs DATABASE_URL (PostgreSQL) too',
    );
  }
  const contradictions = [
    c.SESSION_IDLE_MINUTES > c.SESSION_MAX_HOURS * 60 && '  SESSION_IDLE_MINUTES: must not be longer than SESSION_MAX_HOURS',
    c.SESSION_STAFF_MAX_HOURS > c.SESSION_MAX_HOURS && '  SESSION_STAFF_MAX_HOURS: must not be longer than SESSION_MAX_HOURS',
  ].filter(Boolean);
  if (contradictions.length > 0) {
    throw new ConfigError(`Twofold cannot start: the configuration has problems.\n${contradictions.join('\n')}`);
  }
  const isDevelopment = c.NODE_ENV !== 'production';
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    database: c.DATABASE_URL
      ? { kind: 'postgres', url: c.DATABASE_URL, poolSize: c.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: `${c.TWOFOLD_DATA_DIR}/pglite` },
    migrationDatabaseUrl: c.MIGRATION_DATABASE_URL ?? null,
    dataDir: c.TWOFOLD_DATA_DIR,
    encryptionKey: c.TWOFOLD_ENCRYPTION_KEY ?? null,
    previousEncryptionKeys: (c.TWOFOLD_PREVIOUS_ENCRYPTION_KEYS ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean),
    sessionPolicy: {
      idleMinutes: c.SESSION_IDLE_MINUTES,
      maxHours: c.SESSION_MAX_HOURS,
      staffIdleMinutes: c.SESSION_STAFF_IDLE_MINUTES,
      staffMaxHours: c.SESSION_STAFF_MAX_HOURS,
    },
    inviteTtlDays: c.INVITE_TTL_DAYS,
    secureCookies: c.SECURE_COOKIES ?? !isDevelopment,
    trustProxy: c.TRUST_PROXY,
    crisisRegion: c.CRISIS_REGION,
    smtp: { url: c.SMTP_URL ?? null, from: c.SMTP_FROM },
    logLevel: c.LOG_LEVEL,
    rateLimitAuthPerMinute: c.RATE_LIMIT_AUTH_PER_MINUTE,
    rateLimitAccount: { attempts: c.RATE_LIMIT_ACCOUNT_ATTEMPTS, windowMinutes: c.RATE_LIMIT_ACCOUNT_WINDOW_MINUTES },
    passwordResetTtlMinutes: c.PASSWORD_RESET_TTL_MINUTES,
    dbQueueLimit: c.DB_QUEUE_LIMIT,
    instrumentsOff: c.INSTRUMENTS_OFF ?? [],
    ptsdCutoff: c.PC_PTSD_5_CUTOFF === '4' ? 4 : 3,
    reminders: reminderConfig(c),
  };
}

/** Reminder jobs and Web Push. Tests build many apps: none runs reminder jobs unless it asks for them. */
function reminderConfig(c: z.infer<typeof configSchema>): Config['reminders'] {
  if (Boolean(c.VAPID_PUBLIC_KEY) !== Boolean(c.VAPID_PRIVATE_KEY)) {
    throw new ConfigError(
      'Twofold cannot start: the configuration has problems.\n  VAPID_PRIVATE_KEY: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together',
    );
  }
  return {
    sweepSeconds: c.REMINDERS_SWEEP_SECONDS ?? (c.NODE_ENV === 'test' ? 0 : 60),
    vapid:
      c.VAPID_PUBLIC_KEY && c.VAPID_PRIVATE_KEY
        ? { publicKey: c.VAPID_PUBLIC_KEY, privateKey: c.VAPID_PRIVATE_KEY, subject: c.VAPID_SUBJECT ?? 'mailto:admin@localhost' }
        : null,
  };
}
