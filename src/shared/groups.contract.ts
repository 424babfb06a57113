/**
 * Contracts of the closed user groups (DESIGN §2 "The CUG rules"), all under /api/v1/groups.
 * Every route needs a signed-in user with the current terms accepted (access `data`) but NOT the ITD
 * grant: IGO users are group members without ITD access. The only public route is the directory.
 *
 * Conventions the pages can rely on:
 * - A group, message, library item or file the caller may not see is a 404, exactly like a missing one.
 * - Responses about a record carry `abilities`; the pages show buttons from them, never from rules.
 * - Lists are `{ items, nextCursor }`; pass `cursor` back to get the next page.
 * - State-changing calls are POST (or DELETE) with the CSRF header, like the rest of the API.
 * - Files are uploaded first (`POST /:groupId/files`, multipart/form-data with one part named `file`,
 *   CSRF header required) and then referenced by id from a message or a library item; until then only
 *   the uploader sees it, and a file is attached once. Downloads are `GET fileDownloadPath(groupId, fileId)`: always
 *   `Content-Disposition: attachment`; open them with a link, never in an <iframe> or <img>.
 * - Live updates: `EventSource(GROUPS_STREAM_PATH)` (session cookie; no CSRF for GET). Events are
 *   `groupStreamEventSchema` in the `data` of SSE events named by their `type`; on any event, refetch
 *   the lists concerned. The server re-checks membership on every poll and closes the stream when the
 *   session ends.
 * - Text (message bodies, library summaries) is plain text: the server strips every tag and keeps line
 *   breaks; show it with `white-space: pre-wrap`, never as HTML.
 */
import { z } from 'zod';
import { personFieldsSchema } from './registration.contract.ts';
import {
  GROUP_STATUSES,
  JOIN_REQUEST_STATUSES,
  cursor,
  limit,
  memberCategorySchema,
  text,
  translatedOptional,
  translatedText,
  uuid,
} from './group-vocabulary.contract.ts';

export * from './group-vocabulary.contract.ts';
export * from './group-content.contract.ts';

// ── Groups ──────────────────────────────────────────────────────────────────────────────────────

export const GROUP_ABILITIES = [
  'read', // open the group: messages and library
  'request_join', // ask to join (not a member, no pending request)
  'list_members', // see every member (owners; members unless the group is confidential)
  'write_to_members', // address chosen members (not in confidential groups)
  'publish', // add library items and versions (owners)
  'moderate', // decide join requests, remove members, change categories (owners, Secretariat admins)
  'administer', // rename, archive, set owners (Secretariat admins)
] as const;
export type GroupAbility = (typeof GROUP_ABILITIES)[number];

export const membershipSchema = z.object({
  category: memberCategorySchema,
  isOwner: z.boolean(),
  joinedAt: z.string(),
});

export const groupSchema = z.object({
  id: uuid,
  name: z.object({ en: z.string(), fr: z.string(), es: z.string() }),
  description: z.object({ en: z.string(), fr: z.string(), es: z.string() }),
  isConfidential: z.boolean(),
  status: z.enum(GROUP_STATUSES),
  createdAt: z.string(),
  /** The caller's membership, or null (a Secretariat admin managing a group they are not in). */
  membership: membershipSchema.nullable(),
  /** The caller's own pending join request, if any. */
  pendingJoinRequestId: uuid.nullable(),
  /** Members the caller may count: null when the caller may not list members (confidential). */
  memberCount: z.number().int().nullable(),
  /** Unread messages for the caller in this group (0 for non-members). */
  unreadMessages: z.number().int(),
  abilities: z.array(z.enum(GROUP_ABILITIES)),
});
export type Group = z.infer<typeof groupSchema>;

/**
 * GET /  → the caller's groups (`scope=mine`, default), the active groups the caller could ask to join
 * (`scope=joinable`), or every group (`scope=all`, Secretariat admins only; others get their own).
 */
export const groupListQuerySchema = z.object({
  scope: z.enum(['mine', 'joinable', 'all']).default('mine'),
});
export const groupListSchema = z.object({ items: z.array(groupSchema) });

/** POST / (Secretariat admins). The owners become members with the given category. */
export const createGroupSchema = z.object({
  name: translatedText(200),
  description: translatedOptional(4000),
  isConfidential: z.boolean().default(false),
  owners: z
    .array(z.object({ userId: uuid, category: memberCategorySchema }))
    .min(1)
    .max(20),
});
/** POST /:groupId (Secretariat admins): any subset of the fields. */
export const updateGroupSchema = z.object({
  name: translatedText(200).optional(),
  description: translatedOptional(4000).optional(),
  isConfidential: z.boolean().optional(),
  status: z.enum(GROUP_STATUSES).optional(),
});

/**
 * GET /directory (public, no sign-in): the active, non-confidential groups' names, for the
 * registration form's picker. Confidential groups are never listed publicly: their existence may
 * itself be sensitive; a registrant names them in free text and the Secretariat matches by hand.
 */
export const groupDirectorySchema = z.object({
  items: z.array(z.object({ id: uuid, name: z.object({ en: z.string(), fr: z.string(), es: z.string() }) })),
});

// ── Join requests ───────────────────────────────────────────────────────────────────────────────

/** POST /:groupId/join-requests: the registration fields plus a reason. */
export const joinRequestInputSchema = personFieldsSchema.extend({
  officialEmail: z.string().trim().toLowerCase().max(254).email(),
  reason: text(2000),
});
export type JoinRequestInput = z.infer<typeof joinRequestInputSchema>;

export const joinRequestSchema = joinRequestInputSchema.extend({
  id: uuid,
  groupId: uuid,
  status: z.enum(JOIN_REQUEST_STATUSES),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** The category chosen at approval. */
  category: memberCategorySchema.nullable(),
  decisionReason: z.string().nullable(),
  /** Came from an approved registration rather than from a signed-in user. */
  fromRegistration: z.boolean(),
  abilities: z.array(z.enum(['decide'])),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;
/** GET /:groupId/join-requests (owners, admins) and GET /join-requests/mine (the caller's own). */
export const joinRequestQuerySchema = z.object({
  status: z.enum(JOIN_REQUEST_STATUSES).default('pending'),
  cursor,
  limit,
});
export const joinRequestListSchema = z.object({
  items: z.array(joinRequestSchema),
  nextCursor: z.string().nullable(),
});
export const joinRequestParams = z.object({ groupId: uuid, requestId: uuid });
/** POST /:groupId/join-requests/:requestId/approve */
export const approveJoinSchema = z.object({
  category: memberCategorySchema,
  isOwner: z.boolean().default(false),
});
/** POST /:groupId/join-requests/:requestId/reject */
export const rejectJoinSchema = z.object({ reason: text(2000) });

// ── Members ─────────────────────────────────────────────────────────────────────────────────────

export const memberSchema = z.object({
  userId: uuid,
  name: z.string(),
  organisation: z.string(),
  country: z.string().nullable(),
  category: memberCategorySchema,
  isOwner: z.boolean(),
  joinedAt: z.string(),
  abilities: z.array(z.enum(['remove', 'change_category', 'set_owner', 'write_to'])),
});
export type Member = z.infer<typeof memberSchema>;
/**
 * GET /:groupId/members: everyone for owners and in open groups; in a confidential group a plain
 * member gets only the owners (whom they may write to).
 */
export const memberListSchema = z.object({ items: z.array(memberSchema) });
export const memberParams = z.object({ groupId: uuid, userId: uuid });
/** POST /:groupId/members/:userId (owners): change category and/or owner flag. */
export const updateMemberSchema = z.object({
  category: memberCategorySchema.optional(),
  isOwner: z.boolean().optional(),
});
/** DELETE /:groupId/members/:userId (owners): removed at once; the next request is refused (404). */
