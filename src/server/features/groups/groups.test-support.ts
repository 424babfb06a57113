/**
 * Test helpers for the group tests: signed-in users of each kind, membership set up directly (for tests that are
 * not about joining), and multipart uploads through the real route.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createTestUser, signIn, type ApiClient, type TestClock } from '../../../../test/support/identity.ts';
import type { TestApp } from '../../../../test/support/test-app.ts';
import type { OrganisationKind, Role } from '../../../shared/actor.ts';
import type { MemberCategory, UploadedFile } from '../../../shared/groups.contract.ts';
import { uploadedFileSchema } from '../../../shared/groups.contract.ts';

export interface SignedInUser {
  client: ApiClient;
  userId: string;
  email: string;
  name: string;
}

export async function signedInUser(
  t: TestApp,
  clock: TestClock,
  options: { kind?: OrganisationKind; role?: Role; party?: string | null; itdAccess?: boolean } = {},
): Promise<SignedInUser> {
  const user = await createTestUser(t.database.db, options);
  const client = await signIn(t.app, clock, user);
  const row = await t.database.db
    .selectFrom('users')
    .select(['id', 'first_name', 'last_name'])
    .where('email', '=', user.email)
    .executeTakeFirstOrThrow();
  return { client, userId: row.id, email: user.email, name: `${row.first_name} ${row.last_name}` };
}

/** Adds a member directly (the connection's own role, outside row-level security): for tests not about joining. */
export async function addMember(
  t: TestApp,
  groupId: string,
  user: SignedInUser,
  category: MemberCategory,
  isOwner = false,
): Promise<void> {
  await t.database.db
    .insertInto('group_members')
    .values({ group_id: groupId, user_id: user.userId, category, is_owner: isOwner, display_name: user.name })
    .execute();
}

/** Creates a group directly, returning its id. */
export async function makeGroup(t: TestApp, options: { isConfidential?: boolean; name?: string } = {}) {
  const name = options.name ?? `Test group ${randomUUID().slice(0, 8)}`;
  const row = await t.database.db
    .insertInto('groups')
    .values({
      name_en: name,
      name_fr: `${name} (fr)`,
      name_es: `${name} (es)`,
      is_confidential: options.isConfidential ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function multipartBody(fileName: string, content: Buffer, field = 'file') {
  const boundary = `----itd${randomUUID().replace(/-/g, '')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export async function upload(
  t: TestApp,
  user: SignedInUser,
  groupId: string,
  fileName: string,
  content: Buffer,
) {
  const body = multipartBody(fileName, content);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/groups/${groupId}/files`,
    payload: body.payload,
    headers: {
      'content-type': body.contentType,
      cookie: `itd_session=${user.client.cookie}`,
      'x-csrf-token': user.client.csrf ?? '',
    },
  });
}

export async function uploadOk(
  t: TestApp,
  user: SignedInUser,
  groupId: string,
  fileName: string,
  content: Buffer,
): Promise<UploadedFile> {
  const response = await upload(t, user, groupId, fileName, content);
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  return uploadedFileSchema.parse(response.json());
}

/** A small, valid PDF: file-type recognises it by its "%PDF-" signature. */
export function pdfBytes(text: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

/** The audit entries of an action, read with the connection's own role (as `itd audit` would). */
export async function auditEntries(t: TestApp, action: string) {
  const result = await sql<{
    actor_id: string | null;
    target_id: string | null;
    details: Record<string, unknown>;
  }>`select actor_id, target_id, details from audit_events where action = ${action} order by id`.execute(
    t.database.db,
  );
  return result.rows;
}
