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
import { languageSchema } from './languages.ts';
import { personFieldsSchema } from './registration.contract.ts';

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

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max);
const translatedText = (max: number) => z.object({ en: text(max), fr: text(max), es: text(max) });
const translatedOptional = (max: number) =>
  z.object({ en: optionalText(max), fr: optionalText(max), es: optionalText(max) });
const uuid = z.string().uuid();
const cursor = z.string().max(200).optional();
const limit = z.coerce.number().int().min(1).max(100).default(50);
export const groupIdParams = z.object({ groupId: uuid });

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

// ── Files ───────────────────────────────────────────────────────────────────────────────────────

export const uploadedFileSchema = z.object({
  id: uuid,
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  downloadPath: z.string(),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;
export const fileParams = z.object({ groupId: uuid, fileId: uuid });
export const fileDownloadPath = (groupId: string, fileId: string) =>
  `${GROUPS_API}/${groupId}/files/${fileId}/download`;

// ── Messages ────────────────────────────────────────────────────────────────────────────────────

/** Whom a message is for. `members` is refused (400, field `to`) in confidential groups. */
export const messageAddressSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('group') }),
  z.object({ kind: z.literal('owners') }),
  z.object({ kind: z.literal('members'), userIds: z.array(uuid).min(1).max(200) }),
]);
export type MessageAddress = z.infer<typeof messageAddressSchema>;

/** POST /:groupId/messages. A reply (`replyToId`) joins that thread; its address is chosen again. */
export const composeMessageSchema = z.object({
  to: messageAddressSchema,
  subject: text(300),
  body: text(50_000),
  isAnonymous: z.boolean().default(false),
  replyToId: uuid.optional(),
  attachmentIds: z.array(uuid).max(10).default([]),
});
export type ComposeMessage = z.infer<typeof composeMessageSchema>;

/** Who wrote: a named member, or "anonymous member" (the real sender is never in any answer). */
export const messageSenderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), userId: uuid, name: z.string(), organisation: z.string() }),
  z.object({ kind: z.literal('anonymous') }),
]);

export const messageSummarySchema = z.object({
  id: uuid,
  groupId: uuid,
  threadId: uuid,
  subject: z.string(),
  /** The first 200 characters of the body. */
  preview: z.string(),
  sender: messageSenderSchema,
  /** The caller wrote it (true even for their own anonymous messages, shown only to them). */
  isOwn: z.boolean(),
  to: z.object({ kind: z.enum(['group', 'owners', 'members']), names: z.array(z.string()) }),
  sentAt: z.string(),
  isRead: z.boolean(),
  hasAttachments: z.boolean(),
});
export type MessageSummary = z.infer<typeof messageSummarySchema>;

export const messageSchema = messageSummarySchema.extend({
  body: z.string(),
  attachments: z.array(uploadedFileSchema),
  /**
   * For the sender only: how many recipients have read it, and who (names are null in a confidential
   * group unless the sender is an owner, so receipts never list the members).
   */
  receipts: z
    .object({
      recipients: z.number().int(),
      read: z.number().int(),
      readers: z.array(z.object({ name: z.string(), readAt: z.string() })).nullable(),
    })
    .nullable(),
  abilities: z.array(z.enum(['reply', 'reply_to_members'])),
});
export type Message = z.infer<typeof messageSchema>;

/** GET /:groupId/messages: inbox (received) or sent; `q` searches subject and body of readable messages. */
export const messageListQuerySchema = z.object({
  folder: z.enum(['inbox', 'sent', 'all']).default('inbox'),
  q: z.string().trim().max(200).optional(),
  unreadOnly: z.coerce.boolean().default(false),
  cursor,
  limit,
});
export const messageListSchema = z.object({
  items: z.array(messageSummarySchema),
  nextCursor: z.string().nullable(),
});
export const messageParams = z.object({ groupId: uuid, messageId: uuid });
/** GET /:groupId/messages/:messageId → the message and its thread (messages the caller may read, oldest first). */
export const messageThreadSchema = z.object({ message: messageSchema, thread: z.array(messageSchema) });
/** POST /:groupId/messages/:messageId/read → 204 (marks it read; the sender's receipts count it). */

/** GET /unread: the caller's unread messages and notifications per group. */
export const unreadCountsSchema = z.object({
  totalMessages: z.number().int(),
  totalNotifications: z.number().int(),
  groups: z.array(z.object({ groupId: uuid, messages: z.number().int(), notifications: z.number().int() })),
});
export type UnreadCounts = z.infer<typeof unreadCountsSchema>;

// ── Library ─────────────────────────────────────────────────────────────────────────────────────

export const LIBRARY_ABILITIES = ['read', 'add_version'] as const;

export const libraryVersionSchema = z.object({
  version: z.number().int(),
  title: z.string(),
  summary: z.string(),
  language: languageSchema,
  tags: z.array(z.string()),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  files: z.array(uploadedFileSchema),
});
export const librarySummarySchema = z.object({
  id: uuid,
  groupId: uuid,
  kind: libraryKindSchema,
  audience: audienceSchema,
  title: z.string(),
  summary: z.string(),
  language: languageSchema,
  tags: z.array(z.string()),
  version: z.number().int(),
  fileCount: z.number().int(),
  publishedAt: z.string(),
  updatedAt: z.string(),
});
export type LibrarySummary = z.infer<typeof librarySummarySchema>;
export const libraryItemSchema = librarySummarySchema.extend({
  /** Newest first; each with its files. */
  versions: z.array(libraryVersionSchema),
  abilities: z.array(z.enum(LIBRARY_ABILITIES)),
});
export type LibraryItem = z.infer<typeof libraryItemSchema>;

/** GET /:groupId/library: filters combine; `q` searches title, summary and tags. `total` counts only what the caller may see. */
export const libraryQuerySchema = z.object({
  kind: libraryKindSchema.optional(),
  audience: audienceSchema.optional(),
  language: languageSchema.optional(),
  tag: z.string().trim().max(100).optional(),
  q: z.string().trim().max(200).optional(),
  cursor,
  limit,
});
export const libraryListSchema = z.object({
  items: z.array(librarySummarySchema),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});

const tags = z.array(z.string().trim().min(1).max(60)).max(20).default([]);
/** POST /:groupId/library (owners). An alert notifies its audience in the app and by e-mail. */
export const createLibraryItemSchema = z.object({
  kind: libraryKindSchema,
  audience: audienceSchema,
  title: text(300),
  summary: optionalText(20_000).default(''),
  language: languageSchema,
  tags,
  fileIds: z.array(uuid).min(1).max(10),
});
export type CreateLibraryItem = z.infer<typeof createLibraryItemSchema>;
/** POST /:groupId/library/:itemId/versions (owners): a new version; the audience does not change. */
export const newLibraryVersionSchema = z.object({
  title: text(300),
  summary: optionalText(20_000).default(''),
  language: languageSchema,
  tags,
  fileIds: z.array(uuid).min(1).max(10),
  note: optionalText(2000).default(''),
});
export const libraryParams = z.object({ groupId: uuid, itemId: uuid });

// ── Notifications and live updates ──────────────────────────────────────────────────────────────

export const notificationSchema = z.object({
  id: uuid,
  groupId: uuid,
  kind: z.enum(['alert_published', 'document_published', 'join_decided', 'join_requested']),
  /** The library item or join request it is about. */
  targetId: uuid.nullable(),
  title: z.string(),
  createdAt: z.string(),
  isRead: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;
/** GET /notifications (newest first) ; POST /notifications/:notificationId/read → 204. */
export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
});
export const notificationQuerySchema = z.object({ cursor, limit });
export const notificationParams = z.object({ notificationId: uuid });

export const GROUPS_STREAM_PATH = `${GROUPS_API}/stream`;
/** The `data` of each server-sent event on GROUPS_STREAM_PATH; the SSE event name equals `type`. */
export const groupStreamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), groupId: uuid, messageId: uuid, threadId: uuid }),
  z.object({ type: z.literal('notification'), groupId: uuid, notificationId: uuid }),
  z.object({ type: z.literal('unread'), counts: unreadCountsSchema }),
]);
export type GroupStreamEvent = z.infer<typeof groupStreamEventSchema>;
