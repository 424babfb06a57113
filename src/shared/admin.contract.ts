/** Contracts of the Secretariat's user and organisation management. */
import { z } from 'zod';
import { ORGANISATION_KINDS, ROLES } from './actor.ts';
import { languageSchema } from './languages.ts';
import { newOrganisationSchema } from './registration.contract.ts';

export const USER_STATUSES = ['active', 'suspended', 'withdrawn'] as const;

export const organisationSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  party: z.string().nullable(),
  authorityType: z.string().nullable(),
  userCount: z.number().int(),
  /** What the caller may do with this organisation (from the role × action table). */
  abilities: z.array(z.enum(['manage'])),
});
export const organisationListSchema = z.object({ items: z.array(organisationSchema) });
export const createOrganisationSchema = newOrganisationSchema;

export const userSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  functionTitle: z.string(),
  language: languageSchema,
  role: z.enum(ROLES),
  hasItdAccess: z.boolean(),
  status: z.enum(USER_STATUSES),
  statusReason: z.string().nullable(),
  organisation: z.object({
    id: z.string().uuid(),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    party: z.string().nullable(),
  }),
  secondFactorEnrolled: z.boolean(),
  lastActiveAt: z.string().nullable(),
  createdAt: z.string(),
  abilities: z.array(z.enum(['suspend', 'reinstate', 'withdraw'])),
});
export type User = z.infer<typeof userSchema>;
export const userQuerySchema = z.object({
  status: z.enum(USER_STATUSES).optional(),
  organisationId: z.string().uuid().optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const userListSchema = z.object({ items: z.array(userSchema), nextCursor: z.string().nullable() });
export const statusChangeSchema = z.object({ reason: z.string().trim().min(1).max(2000) });
