/**
 * Security keys and passkeys (WebAuthn) as a second factor: enrolled from the account page, used at sign-in in
 * place of a TOTP code. The browser's ceremony objects pass through as JSON; the server library checks them.
 */
import { z } from 'zod';

export const securityKeySchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type SecurityKey = z.infer<typeof securityKeySchema>;

export const securityKeyListSchema = z.object({
  items: z.array(securityKeySchema),
  /** This account must sign in with a security key (Secretariat admins, when ADMIN_SECURITY_KEY_REQUIRED). */
  required: z.boolean(),
});

/** Options for the browser's navigator.credentials call, as the server library writes them. */
export const ceremonyOptionsSchema = z.looseObject({ challenge: z.string() });
export type CeremonyOptions = z.infer<typeof ceremonyOptionsSchema>;

/** What the browser answered (a PublicKeyCredential as JSON); the server library checks every part of it. */
export const ceremonyResponseSchema = z.looseObject({
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: z.string().max(16_384) }),
});

export const enrolSecurityKeySchema = z.object({
  name: z.string().trim().min(1).max(60),
  response: ceremonyResponseSchema,
});

export const securityKeySignInSchema = z.object({ response: ceremonyResponseSchema });
