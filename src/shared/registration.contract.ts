/** Contracts of registration (public) and vetting (Secretariat, focal points). */
import { z } from 'zod';
import { ORGANISATION_KINDS, ROLES } from './actor.ts';
import { emailSchema } from './auth.contract.ts';
import { languageSchema } from './languages.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Who a person is, as the registration form and a group join request both ask it. */
export const personFieldsSchema = z.object({
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/),
  lastName: text(100),
  firstName: text(100),
  organisation: text(200),
  functionTitle: text(200),
  telephone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ().-]{6,30}$/),
});

export const registrationRequestSchema = personFieldsSchema.extend({
  email: emailSchema,
  requestsItdAccess: z.boolean(),
  requestedGroups: z.array(text(200)).max(20),
  justification: text(2000),
  language: languageSchema,
});
export type RegistrationRequest = z.infer<typeof registrationRequestSchema>;

/** The same answer whether or not the address is known: registration never reveals accounts. */
export const registrationReceivedSchema = z.object({ status: z.literal('received') });
export const verifyEmailSchema = z.object({ token: z.string().min(20).max(200) });

export const REGISTRATION_STATUSES = [
  'pending_verification',
  'pending_review',
  'more_info_requested',
  'approved',
  'rejected',
] as const;
export const ENDORSEMENTS = ['endorsed', 'objected'] as const;

export const registrationSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(REGISTRATION_STATUSES),
  country: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  organisation: z.string(),
  functionTitle: z.string(),
  telephone: z.string(),
  email: z.string(),
  requestsItdAccess: z.boolean(),
  requestedGroups: z.array(z.string()),
  justification: z.string(),
  language: languageSchema,
  /** The address is at a public webmail provider (a list in configuration): check it twice. */
  isWebmail: z.boolean(),
  createdAt: z.string(),
  endorsement: z
    .object({ decision: z.enum(ENDORSEMENTS), note: z.string(), by: z.string(), at: z.string() })
    .nullable(),
  decisionReason: z.string().nullable(),
  abilities: z.array(z.enum(['endorse', 'decide'])),
});
export type Registration = z.infer<typeof registrationSchema>;

export const registrationQuerySchema = z.object({
  status: z.enum(REGISTRATION_STATUSES).default('pending_review'),
  party: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  organisationKind: z.enum(ORGANISATION_KINDS).optional(),
  olderThanDays: z.coerce.number().int().min(0).max(3650).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const registrationListSchema = z.object({
  items: z.array(registrationSchema),
  nextCursor: z.string().nullable(),
});

export const endorseSchema = z.object({
  decision: z.enum(ENDORSEMENTS),
  note: z.string().trim().max(2000).default(''),
});
export const newOrganisationSchema = z.object({
  name: text(200),
  kind: z.enum(ORGANISATION_KINDS),
  party: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  authorityType: z.string().trim().max(100).nullable(),
});
export const approveSchema = z.object({
  organisationId: z.string().uuid().optional(),
  newOrganisation: newOrganisationSchema.optional(),
  role: z.enum(ROLES),
  itdAccess: z.boolean(),
});
export const rejectSchema = z.object({ reason: text(2000) });
export const requestInfoSchema = z.object({ message: text(2000) });
