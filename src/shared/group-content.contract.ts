/**
 * What is inside a group — files, messages, the library, notifications, unread counts and the live stream
 * (groups.contract.ts re-exports all of it; see its header for the API's conventions).
 */
import { z } from 'zod';
import { languageSchema } from './languages.ts';
import {
  GROUPS_API,
  audienceSchema,
  cursor,
  libraryKindSchema,
  limit,
  optionalText,
  text,
  uuid,
} from './group-vocabulary.contract.ts';

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
