/**
 * The key and the data belong together. At start a server proves that its platform key is the one that sealed the
 * secrets already stored (second factors, group files), instead of creating a new key and answering 500 to each of
 * them: the id of the key is recorded at the first start (migrations/0034) and compared at every start after.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { createFileSealer } from '../groups/index.ts';
import { createSealer, loadPlatformKey } from '../identity/index.ts';
import { keyIdOf, keySourceOf, platformKeyPresent } from './key-id.ts';
import {
  unsafeReadRecordedKeyId,
  unsafeRecordKeyIdIfNone,
  unsafeSampleSealedSecrets,
} from './platform-key.repo.ts';

export class PlatformKeyMismatchError extends Error {
  constructor(
    readonly expectedKeyId: string | null,
    readonly actualKeyId: string | null,
    source: string,
  ) {
    const found = actualKeyId ? `the key in ${source} has id ${actualKeyId}` : `there is no key in ${source}`;
    const expected = expectedKeyId
      ? `the secrets stored in this database (second factors, group files) were sealed with the platform key ${expectedKeyId}`
      : 'the secrets stored in this database (second factors, group files) were sealed with another platform key';
    super(
      `Refusing to start: ${expected}, but ${found}. Give this server the key it expects (set ITD_SECRET_KEY, or put ` +
        "the original secret.key in the data directory; see docs/OPERATIONS.md, 'Key management'). A new key would " +
        'make every second factor and group file unreadable.',
    );
  }
}

export interface KeySettings {
  secretKeyHex: string | undefined;
  dataDir: string;
}

function opens(key: Buffer, sample: Awaited<ReturnType<typeof unsafeSampleSealedSecrets>>): boolean {
  try {
    if (sample.totp) createSealer(key).unseal(sample.totp);
    if (sample.file) createFileSealer(key).open(sample.file.id, sample.file.sealed);
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads the platform key and checks it against the database; records its id at the first start. A database that
 * already records a key id never gets a freshly created key file. Needs the owner connection.
 */
export async function openPlatformKey(
  db: Kysely<DB>,
  settings: KeySettings,
): Promise<{ key: Buffer; keyId: string }> {
  const source = keySourceOf(settings.secretKeyHex, settings.dataDir);
  const recorded = await unsafeReadRecordedKeyId(db);
  if (recorded && !platformKeyPresent(settings.secretKeyHex, settings.dataDir)) {
    throw new PlatformKeyMismatchError(recorded, null, source);
  }
  const key = loadPlatformKey(settings.secretKeyHex, settings.dataDir);
  const keyId = keyIdOf(key);
  if (recorded) {
    if (recorded !== keyId) throw new PlatformKeyMismatchError(recorded, keyId, source);
    return { key, keyId };
  }
  // A database from before key ids were recorded: the key must open what is stored before its id is recorded.
  if (!opens(key, await unsafeSampleSealedSecrets(db)))
    throw new PlatformKeyMismatchError(null, keyId, source);
  await unsafeRecordKeyIdIfNone(db, keyId);
  const settled = await unsafeReadRecordedKeyId(db);
  if (settled !== keyId) throw new PlatformKeyMismatchError(settled ?? null, keyId, source);
  return { key, keyId };
}
