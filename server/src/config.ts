import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { SmtpSettings } from './platform/mailer.ts';

/** The repository root (the same from server/src and from the bundle in server/dist). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default(path.join(repoRoot, 'data')),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'phải bắt đầu bằng postgres:// / must start with postgres://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: boolean.optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LOGIN_LOCK_AFTER: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_RATE_PER_IP: z.coerce.number().int().min(1).max(10_000).default(30),
  COOKIE_SECURE: boolean.default(false),
  TRUST_PROXY: boolean.default(false),
  WEB_DIST: z.string().min(1).default(path.join(repoRoot, 'web', 'dist')),
  DEMO_SEED: boolean.default(true),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(25),
  SMTP_FROM: z.string().min(3).default('tcxd@localhost'),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  REPORT_REMINDER_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(60),
  EMBEDDED_VACUUM_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(1),
});

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  logPretty: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginLockAfter: number;
  loginRatePerIp: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  webDist: string;
  demoSeed: boolean;
  /** E-mail for reminders; null when no SMTP server is configured (in-app notifications only). */
  smtp: SmtpSettings | null;
  /** How often due and overdue report reminders are checked; 0 turns them off. */
  reportReminderMinutes: number;
  /** How often, on PGlite (which has no autovacuum), the table most behind is vacuumed; 0 turns it off. */
  embeddedVacuumMinutes: number;
}>;

/** Thrown when the environment is invalid; main prints its message and exits 1. */
export class ConfigError extends Error {}

/** Reads and validates the environment. The only reader of process.env in the server. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ / Invalid configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_PRETTY ?? Boolean(process.stdout.isTTY),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    loginLockAfter: e.LOGIN_LOCK_AFTER,
    loginRatePerIp: e.LOGIN_RATE_PER_IP,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    webDist: path.resolve(e.WEB_DIST),
    demoSeed: e.DEMO_SEED,
    smtp: e.SMTP_HOST ? { host: e.SMTP_HOST, port: e.SMTP_PORT, from: e.SMTP_FROM, user: e.SMTP_USER, password: e.SMTP_PASSWORD } : null,
    reportReminderMinutes: e.REPORT_REMINDER_MINUTES,
    embeddedVacuumMinutes: e.EMBEDDED_VACUUM_MINUTES,
  };
}

/** The test database URL when the suite runs against a PostgreSQL server. */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TEST_DATABASE_URL || undefined;
}
