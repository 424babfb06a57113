/**
 * Settings, read once from the environment. Every setting is listed in the README's table;
 * secrets come only from the environment or the data directory (DESIGN §5).
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './lib/spreadsheets/read-limits.ts';
import type { ReadSlotLimits } from './lib/spreadsheets/read-slots.ts';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const settingsSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  ITD_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_READ_URL: z.string().url().optional(),
  DATABASE_READ_MAX_LAG_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: booleanString.default(false),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_FORMS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(15),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  WEB_DIST_DIR: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('ITD Platform <no-reply@itd-platform.invalid>'),
  ITD_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes)')
    .optional(),
  WEBMAIL_DOMAINS: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOCKOUT_BASE_SECONDS: z.coerce.number().int().min(1).default(60),
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
  INACTIVITY_SUSPEND_DAYS: z.coerce.number().int().min(11).default(180),
  ITD_ADMIN_EMAIL: z.string().email().default('admin@itd-platform.invalid'),
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(52_428_800),
  GROUP_FILE_MAX_BYTES: z.coerce.number().int().min(1024).default(20_971_520),
  GROUP_FILE_TYPES: z.string().optional(),
  GROUP_STREAM_POLL_MS: z.coerce.number().int().min(200).max(60_000).default(2000),
  // Identity hardening (issue 20): unsent e-mail bodies, sign-in throttling, security keys.
  OUTBOX_UNSENT_BODY_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  SIGN_IN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).default(20),
  SIGN_IN_HARD_LOCK_FAILURES: z.coerce.number().int().min(2).default(50),
  SIGN_IN_HARD_LOCK_ADDRESSES: z.coerce.number().int().min(2).default(3),
  WEBAUTHN_RP_ID: z.string().min(1).optional(),
  WEBAUTHN_ORIGIN: z.string().url().optional(),
  ADMIN_SECURITY_KEY_REQUIRED: booleanString.default(false),
  // Reading uploaded spreadsheets (lib/spreadsheets/read-limits.ts, read-slots.ts).
  SPREADSHEET_MAX_INFLATED_BYTES: z.coerce
    .number()
    .int()
    .min(65_536)
    .default(DEFAULT_READ_LIMITS.maxInflatedBytes),
  SPREADSHEET_MAX_CELL_CHARS: z.coerce.number().int().min(100).default(DEFAULT_READ_LIMITS.maxCellChars),
  SPREADSHEET_MAX_ROWS: z.coerce.number().int().min(100).default(DEFAULT_READ_LIMITS.maxRows),
  SPREADSHEET_MAX_COLUMNS: z.coerce.number().int().min(10).default(DEFAULT_READ_LIMITS.maxColumns),
  SPREADSHEET_MAX_PARSE_SECONDS: z.coerce.number().min(0.1).default(DEFAULT_READ_LIMITS.maxParseSeconds),
  SPREADSHEET_MAX_READS: z.coerce.number().int().min(1).default(4),
  SPREADSHEET_MAX_READS_PER_USER: z.coerce.number().int().min(1).default(2),
  EXPORT_STEP_UP_MINUTES: z.coerce.number().int().min(1).max(720).default(15),
  DOWNLOAD_REMINDER_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  PUBLICATION_CONSENT_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  PUBLICATION_REMINDER_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  SMALL_CELL_MAX_COUNT: z.coerce.number().int().min(0).max(100).default(3),
  SMALL_CELL_DOMINANCE_PERCENT: z.coerce.number().min(50).max(100).default(85),
  SMALL_CELL_DOMINANCE_RECORDS: z.coerce.number().int().min(1).max(10).default(2),
});

/**
 * The media types a group file may have, as detected from its content (GROUP_FILE_TYPES replaces it).
 * `text/plain` is what a file with no binary signature that is valid UTF-8 without control bytes counts as.
 */
export const DEFAULT_GROUP_FILE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/zip',
  'text/plain',
];

/** Public webmail domains whose addresses the reviewer is warned about (WEBMAIL_DOMAINS replaces it). */
export const DEFAULT_WEBMAIL_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.fr',
  'yahoo.es',
  'hotmail.com',
  'hotmail.fr',
  'outlook.com',
  'live.com',
  'msn.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mail.com',
  'gmx.com',
  'gmx.net',
  'proton.me',
  'protonmail.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
  '126.com',
  'zoho.com',
  'orange.fr',
  'free.fr',
  'laposte.net',
];

export type Settings = {
  environment: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** A streaming replica for reads that write nothing, and the lag above which reads go to the primary. */
  databaseRead: { url: string | undefined; maxLagSeconds: number };
  logLevel: z.infer<typeof settingsSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  rateLimit: { max: number; windowSeconds: number; signInPerMinute: number; formsPerHour: number };
  shutdownTimeoutSeconds: number;
  bodyLimitBytes: number;
  webDistDir: string;
  /** Where people reach the platform, for links in e-mails. */
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** 32 bytes from ITD_SECRET_KEY; undefined means "use the data directory's key file". */
  secretKeyHex: string | undefined;
  webmailDomains: string[];
  session: { idleMinutes: number; absoluteHours: number };
  signIn: { maxFailures: number; lockoutBaseSeconds: number };
  inactivitySuspendDays: number;
  /** The address of the first Secretariat admin, created on an empty database. */
  firstAdminEmail: string;
  /** Largest report file accepted for import (a 116,000-row report is well under the default 50 MiB). */
  importMaxBytes: number;
  /** Closed user groups: upload limits and the live stream's polling interval. */
  groups: { fileMaxBytes: number; fileTypes: string[]; streamPollMs: number };
  /** Hours an e-mail that was never sent keeps its body (its links) before the body is emptied. */
  outboxUnsentBodyHours: number;
  /**
   * Sign-in throttling (ADR 0013): per account and address pair, per address, and the hard lock kept for attacks
   * from many addresses or of many attempts.
   */
  signInThrottle: { addressMaxFailures: number; hardLockFailures: number; hardLockAddresses: number };
  /** Security keys: the relying party's id (a host name) and origin, from PUBLIC_URL unless set. */
  webauthn: { rpId: string; origin: string; requiredForAdmins: boolean };
  /** Uploaded spreadsheets: what reading one may cost, and how many are read at once. */
  spreadsheets: { limits: ReadLimits; slots: ReadSlotLimits };
  /** How often each server writes the audit chain's head to its data directory and log (audit checkpoint). */
  auditCheckpointMinutes: number;
  /** Data out (issue 14): step-up window, deletion reminders, small-cell protection of published figures. */
  exports: {
    stepUpMinutes: number;
    reminderDays: number;
    smallCells: { maxCount: number; dominanceShare: number; dominanceRecords: number };
    /** Consent to publish: days the Parties have to answer, and between reminders to those who have not. */
    publication: { consentDays: number; reminderDays: number };
  };
};

export class SettingsError extends Error {}

/** Reads the settings; a malformed value stops the start with a message naming the variable. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = settingsSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== '')),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new SettingsError(`Invalid settings — ${problems.join('; ')}`);
  }
  const s = parsed.data;
  return {
    environment: s.NODE_ENV,
    port: s.PORT,
    host: s.HOST,
    dataDir: path.resolve(s.ITD_DATA_DIR),
    databaseUrl: s.DATABASE_URL,
    databasePoolSize: s.DATABASE_POOL_SIZE,
    databaseRead: { url: s.DATABASE_READ_URL, maxLagSeconds: s.DATABASE_READ_MAX_LAG_SECONDS },
    logLevel: s.LOG_LEVEL,
    trustProxy: s.TRUST_PROXY,
    rateLimit: {
      max: s.RATE_LIMIT_MAX,
      windowSeconds: s.RATE_LIMIT_WINDOW_SECONDS,
      signInPerMinute: s.RATE_LIMIT_SIGN_IN_PER_MINUTE,
      formsPerHour: s.RATE_LIMIT_FORMS_PER_HOUR,
    },
    shutdownTimeoutSeconds: s.SHUTDOWN_TIMEOUT_SECONDS,
    bodyLimitBytes: s.BODY_LIMIT_BYTES,
    webDistDir: path.resolve(s.WEB_DIST_DIR ?? path.join(projectRoot(), 'dist', 'web')),
    publicUrl: (s.PUBLIC_URL ?? `http://${s.HOST === '0.0.0.0' ? 'localhost' : s.HOST}:${s.PORT}`).replace(
      /\/$/,
      '',
    ),
    smtpUrl: s.SMTP_URL,
    mailFrom: s.MAIL_FROM,
    secretKeyHex: s.ITD_SECRET_KEY,
    webmailDomains: s.WEBMAIL_DOMAINS
      ? s.WEBMAIL_DOMAINS.split(',')
          .map((d) => d.trim().toLowerCase())
          .filter(Boolean)
      : DEFAULT_WEBMAIL_DOMAINS,
    session: { idleMinutes: s.SESSION_IDLE_MINUTES, absoluteHours: s.SESSION_ABSOLUTE_HOURS },
    signIn: { maxFailures: s.SIGN_IN_MAX_FAILURES, lockoutBaseSeconds: s.LOCKOUT_BASE_SECONDS },
    inactivitySuspendDays: s.INACTIVITY_SUSPEND_DAYS,
    firstAdminEmail: s.ITD_ADMIN_EMAIL.toLowerCase(),
    importMaxBytes: s.IMPORT_MAX_BYTES,
    groups: {
      fileMaxBytes: s.GROUP_FILE_MAX_BYTES,
      fileTypes: s.GROUP_FILE_TYPES
        ? s.GROUP_FILE_TYPES.split(',')
            .map((t) => t.trim().toLowerCase())
            .filter(Boolean)
        : DEFAULT_GROUP_FILE_TYPES,
      streamPollMs: s.GROUP_STREAM_POLL_MS,
    },
    outboxUnsentBodyHours: s.OUTBOX_UNSENT_BODY_HOURS,
    signInThrottle: {
      addressMaxFailures: s.SIGN_IN_ADDRESS_MAX_FAILURES,
      hardLockFailures: s.SIGN_IN_HARD_LOCK_FAILURES,
      hardLockAddresses: s.SIGN_IN_HARD_LOCK_ADDRESSES,
    },
    webauthn: webauthnSettings(s),
    spreadsheets: {
      limits: {
        maxInflatedBytes: s.SPREADSHEET_MAX_INFLATED_BYTES,
        maxCellChars: s.SPREADSHEET_MAX_CELL_CHARS,
        maxRows: s.SPREADSHEET_MAX_ROWS,
        maxColumns: s.SPREADSHEET_MAX_COLUMNS,
        maxParseSeconds: s.SPREADSHEET_MAX_PARSE_SECONDS,
      },
      slots: { perServer: s.SPREADSHEET_MAX_READS, perUser: s.SPREADSHEET_MAX_READS_PER_USER },
    },
    auditCheckpointMinutes: s.AUDIT_CHECKPOINT_MINUTES,
    exports: {
      stepUpMinutes: s.EXPORT_STEP_UP_MINUTES,
      reminderDays: s.DOWNLOAD_REMINDER_DAYS,
      publication: { consentDays: s.PUBLICATION_CONSENT_DAYS, reminderDays: s.PUBLICATION_REMINDER_DAYS },
      smallCells: {
        maxCount: s.SMALL_CELL_MAX_COUNT,
        dominanceShare: s.SMALL_CELL_DOMINANCE_PERCENT / 100,
        dominanceRecords: s.SMALL_CELL_DOMINANCE_RECORDS,
      },
    },
  };
}

/** The relying party of security keys: where people reach the platform unless said otherwise. */
function webauthnSettings(s: z.infer<typeof settingsSchema>): Settings['webauthn'] {
  const origin = (
    s.WEBAUTHN_ORIGIN ??
    s.PUBLIC_URL ??
    `http://${s.HOST === '0.0.0.0' ? 'localhost' : s.HOST}:${s.PORT}`
  ).replace(/\/$/, '');
  return {
    origin: new URL(origin).origin,
    rpId: s.WEBAUTHN_RP_ID ?? new URL(origin).hostname,
    requiredForAdmins: s.ADMIN_SECURITY_KEY_REQUIRED,
  };
}

/** The package's root folder (where package.json, migrations/ and dist/ live). */
export function projectRoot(): string {
  return path.resolve(import.meta.dirname, '..', '..');
}
