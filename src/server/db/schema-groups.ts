/**
 * Kysely's view of the closed-user-group tables (migrations/0014_closed_user_groups.sql).
 */
import type { ColumnType, Generated } from 'kysely';
import type { Audience, MemberCategory } from '../../shared/groups.contract.ts';
import type { Language } from '../../shared/languages.ts';

type Id = ColumnType<string, string | undefined, string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Opt<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface GroupsTable {
  id: Id;
  name_en: string;
  name_fr: string;
  name_es: string;
  description_en: Defaulted<string>;
  description_fr: Defaulted<string>;
  description_es: Defaulted<string>;
  is_confidential: Defaulted<boolean>;
  status: Defaulted<'active' | 'archived'>;
  created_by: Opt<string>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface GroupMembersTable {
  group_id: string;
  user_id: string;
  category: MemberCategory;
  is_owner: Defaulted<boolean>;
  display_name: string;
  organisation_name: Defaulted<string>;
  country: Opt<string>;
  joined_at: DefaultedTimestamp;
}

export interface GroupJoinRequestsTable {
  id: Id;
  group_id: string;
  user_id: string;
  registration_id: Opt<string>;
  country: string;
  last_name: string;
  first_name: string;
  organisation: string;
  function_title: string;
  telephone: string;
  official_email: string;
  reason: string;
  language: Defaulted<Language>;
  status: Defaulted<'pending' | 'approved' | 'rejected'>;
  category: Opt<MemberCategory>;
  decision_reason: Opt<string>;
  decided_by: Opt<string>;
  decided_at: Opt<Date | string>;
  created_at: DefaultedTimestamp;
}

export interface GroupMessagesTable {
  id: string;
  group_id: string;
  thread_id: string;
  reply_to_id: Opt<string>;
  author_id: Opt<string>;
  author_name: Opt<string>;
  author_organisation: Opt<string>;
  is_anonymous: boolean;
  address_kind: 'group' | 'owners' | 'members';
  subject: string;
  body: string;
  sent_at: DefaultedTimestamp;
}

export interface GroupMessageSendersTable {
  message_id: string;
  user_id: string;
}

export interface GroupMessageRecipientsTable {
  seq: Generated<string>;
  message_id: string;
  user_id: string;
  recipient_name: string;
  read_at: Opt<Date | string>;
}

export interface LibraryItemsTable {
  id: Id;
  group_id: string;
  kind: 'document' | 'alert';
  audience: Audience;
  current_version: Defaulted<number>;
  title: string;
  summary: Defaulted<string>;
  language: Language;
  tags: Defaulted<string[]>;
  published_by: Opt<string>;
  published_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface LibraryVersionsTable {
  id: Id;
  item_id: string;
  group_id: string;
  audience: Audience;
  version: number;
  title: string;
  summary: Defaulted<string>;
  language: Language;
  tags: Defaulted<string[]>;
  note: Defaulted<string>;
  created_by: Opt<string>;
  created_by_name: string;
  created_at: DefaultedTimestamp;
}

export interface GroupFilesTable {
  id: string;
  group_id: string;
  uploaded_by: Opt<string>;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  sealed: Buffer;
  message_id: Opt<string>;
  library_version_id: Opt<string>;
  audience: Opt<Audience>;
  created_at: DefaultedTimestamp;
}

export type NotificationKind = 'alert_published' | 'document_published' | 'join_decided' | 'join_requested';

export interface GroupNotificationsTable {
  seq: Generated<string>;
  id: Id;
  user_id: string;
  group_id: string;
  kind: NotificationKind;
  target_id: Opt<string>;
  audience: Defaulted<Audience>;
  title: string;
  created_at: DefaultedTimestamp;
  read_at: Opt<Date | string>;
}

export interface GroupTables {
  groups: GroupsTable;
  group_members: GroupMembersTable;
  group_join_requests: GroupJoinRequestsTable;
  group_messages: GroupMessagesTable;
  group_message_senders: GroupMessageSendersTable;
  group_message_recipients: GroupMessageRecipientsTable;
  library_items: LibraryItemsTable;
  library_versions: LibraryVersionsTable;
  group_files: GroupFilesTable;
  group_notifications: GroupNotificationsTable;
}
