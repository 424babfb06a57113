/**
 * Contracts of sign-in, the second factor, the session, terms of use and personal API tokens.
 * The web app sends the session's csrfToken in the `x-csrf-token` header of every state-changing
 * request made with the session cookie.
 */
import { z } from 'zod';
import { ORGANISATION_KINDS, ROLES } from './actor.ts';
import { languageSchema, translatedSchema } from './languages.ts';
import { ACTIONS } from './permissions.ts';

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'itd_session';

export const emailSchema = z.string().trim().toLowerCase().max(254).email();
export const PASSWORD_MIN_LENGTH = 12;
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(256);
/** A 6-digit TOTP code or a recovery code (xxxx-xxxx-xx, spaces and dashes ignored). */
export const secondFactorCodeSchema = z.string().trim().min(6).max(20);

export const signInRequestSchema = z.object({ email: emailSchema, password: z.string().min(1).max(256) });
/** What the signed-in person must do next. */
export const SIGN_IN_STEPS = [
  'enrol_second_factor',
  'second_factor',
  'accept_terms',
  'change_password',
  'done',
] as const;
export const signInStepSchema = z.object({ next: z.enum(SIGN_IN_STEPS) });

export const enrolmentSchema = z.object({
  otpauthUri: z.string(),
  /** The same URI as a QR code, an SVG image as a data: URL. */
  qrCode: z.string(),
  /** For people who type the secret into their authenticator app. */
  secret: z.string(),
});
export const codeRequestSchema = z.object({ code: secondFactorCodeSchema });
export const recoveryCodesSchema = z.object({
  recoveryCodes: z.array(z.string()).length(10),
  next: z.enum(SIGN_IN_STEPS),
});

export const sessionUserSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  language: languageSchema,
  role: z.enum(ROLES),
  hasItdAccess: z.boolean(),
  organisation: z.object({
    id: z.string().uuid(),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    party: z.string().nullable(),
  }),
});
export const sessionSchema = z.object({
  user: sessionUserSchema,
  csrfToken: z.string(),
  next: z.enum(SIGN_IN_STEPS),
  abilities: z.array(z.enum(ACTIONS)),
  expiresAt: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const mySessionSchema = z.object({
  id: z.string().uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  isCurrent: z.boolean(),
});
export const mySessionListSchema = z.object({ items: z.array(mySessionSchema) });

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});
export const passwordResetRequestSchema = z.object({ email: emailSchema });
export const passwordResetCompleteSchema = z.object({
  token: z.string().min(20).max(200),
  newPassword: passwordSchema,
});

export const termsSchema = z.object({
  version: z.number().int().positive(),
  publishedAt: z.string(),
  texts: translatedSchema,
  /** What changed since the previous version, announced on the sign-in page. */
  changeSummary: translatedSchema.nullable(),
});
export type Terms = z.infer<typeof termsSchema>;
export const acceptTermsSchema = z.object({ version: z.number().int().positive() });
export const publishTermsSchema = z.object({
  texts: z.object({ en: z.string().min(200), fr: z.string().min(200), es: z.string().min(200) }),
  changeSummary: translatedSchema.nullable(),
});
export const termsListSchema = z.object({ items: z.array(termsSchema) });

export const tokenSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const tokenListSchema = z.object({ items: z.array(tokenSchema) });
/** A token with a scope opens only the routes that declare it: `permits.lookup` for customs systems. */
export const TOKEN_SCOPES = ['permits.lookup'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
export const createTokenSchema = z.object({
  name: z.string().trim().min(1).max(100),
  days: z.number().int().min(1).max(365),
  scope: z.enum(TOKEN_SCOPES).optional(),
});
/** The secret is shown once, here, and never again. */
export const createdTokenSchema = tokenSchema.extend({ token: z.string() });
