/**
 * The closed user groups' vocabularies and the field rules every group contract shares (groups.contract.ts
 * re-exports all of it; see its header for the API's conventions).
 */
import { z } from 'zod';

export const GROUPS_API = '/api/v1/groups';

// ── Vocabularies ────────────────────────────────────────────────────────────────────────────────

export const MEMBER_CATEGORIES = [
  'customs',
  'police',
  'wildlife_enforcement',
  'management_authority',
  'igo',
  'secretariat',
] as const;
export const memberCategorySchema = z.enum(MEMBER_CATEGORIES);
export type MemberCategory = z.infer<typeof memberCategorySchema>;

/**
 * Who an item is for. `law_enforcement` items are seen only by members whose category is in
 * LAW_ENFORCEMENT_CATEGORIES: never by `igo` members (not their titles, count, search hits or
 * notifications), and not by Management Authorities, which issue permits rather than enforce.
 */
export const AUDIENCES = ['all_members', 'law_enforcement'] as const;
export const audienceSchema = z.enum(AUDIENCES);
export type Audience = z.infer<typeof audienceSchema>;
export const LAW_ENFORCEMENT_CATEGORIES: readonly MemberCategory[] = [
  'customs',
  'police',
  'wildlife_enforcement',
  'secretariat',
];

export const GROUP_STATUSES = ['active', 'archived'] as const;
export const JOIN_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const LIBRARY_KINDS = ['document', 'alert'] as const;
export const libraryKindSchema = z.enum(LIBRARY_KINDS);

export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max);
export const translatedText = (max: number) => z.object({ en: text(max), fr: text(max), es: text(max) });
export const translatedOptional = (max: number) =>
  z.object({ en: optionalText(max), fr: optionalText(max), es: optionalText(max) });
export const uuid = z.string().uuid();
export const cursor = z.string().max(200).optional();
export const limit = z.coerce.number().int().min(1).max(100).default(50);
export const groupIdParams = z.object({ groupId: uuid });
