/**
 * Contracts of consent to publish (issue 14, item 5), shared by the server and the web app. Under
 * /api/v1/publication-requests:
 *
 *   POST /                      a request from an export (downloadId) or a filter, with the intended use and the
 *                               statement of what was modified → publicationRequestSchema (one consent per Party)
 *   GET  /?view=mine|to_answer|filed   the caller's requests; those awaiting the caller's Party (focal points);
 *                               the proofs filed with the Secretariat (Secretariat admins and data officers)
 *   GET  /{id}                  one request, as the caller may see it (a focal point sees only its Party's consent)
 *   POST /{id}/decision         a focal point approves or refuses for its own Party, with a comment
 *   POST /{id}/withdraw         the requester withdraws a pending request
 *   GET  /{id}/certificate.pdf  the consent certificate, once every Party has approved (requester, Secretariat)
 *
 * Every answer about a request carries `abilities`: what the caller may do with it.
 */
import { z } from 'zod';
import { languageSchema } from './languages.ts';
import { seizureFilterSchema } from './seizures.contract.ts';

export const PUBLICATION_STATUSES = ['pending', 'approved', 'refused', 'withdrawn', 'expired'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export const CONSENT_STATUSES = ['pending', 'approved', 'refused'] as const;
export const PUBLICATION_ABILITIES = ['withdraw', 'decide', 'certificate'] as const;
export type PublicationAbility = (typeof PUBLICATION_ABILITIES)[number];
export const PUBLICATION_VIEWS = ['mine', 'to_answer', 'filed'] as const;

const longText = z.string().trim().min(1).max(4000);

export const createPublicationRequestSchema = z
  .object({
    downloadId: z.uuid().optional(),
    filters: seizureFilterSchema.optional(),
    title: z.string().trim().min(1).max(300),
    intendedUse: longText,
    modificationStatement: longText,
  })
  .refine((body) => (body.downloadId === undefined) !== (body.filters === undefined), {
    message: 'Name either an export (downloadId) or a filter, not both',
    path: ['downloadId'],
  });
export type CreatePublicationRequest = z.infer<typeof createPublicationRequestSchema>;

export const consentSchema = z.object({
  party: z.string(),
  recordCount: z.number().int().nullable(),
  status: z.enum(CONSENT_STATUSES),
  deciderName: z.string().nullable(),
  deciderOrganisation: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  commentLanguage: languageSchema.nullable(),
});
export type Consent = z.infer<typeof consentSchema>;

export const publicationRequestSchema = z.object({
  id: z.string(),
  title: z.string(),
  intendedUse: z.string(),
  modificationStatement: z.string(),
  requesterName: z.string(),
  organisationName: z.string(),
  downloadId: z.string().nullable(),
  exportChecksum: z.string().nullable(),
  filters: z.record(z.string(), z.unknown()),
  status: z.enum(PUBLICATION_STATUSES),
  createdAt: z.string(),
  expiresAt: z.string(),
  closedAt: z.string().nullable(),
  filedAt: z.string().nullable(),
  /** The Parties asked whose consents the caller may see (a focal point: its own Party only). */
  consents: z.array(consentSchema),
  abilities: z.array(z.enum(PUBLICATION_ABILITIES)),
});
export type PublicationRequest = z.infer<typeof publicationRequestSchema>;

export const publicationListQuerySchema = z.object({ view: z.enum(PUBLICATION_VIEWS).default('mine') });
export const publicationListSchema = z.object({ items: z.array(publicationRequestSchema) });
export const publicationIdParamsSchema = z.object({ id: z.uuid() });

export const consentDecisionSchema = z.object({
  decision: z.enum(['approve', 'refuse']),
  comment: z.string().trim().max(4000).default(''),
  /** The language the comment is written in (the decider's, by default). */
  language: languageSchema.optional(),
});
export type ConsentDecision = z.infer<typeof consentDecisionSchema>;

export const certificateQuerySchema = z.object({ lang: languageSchema.optional() });
