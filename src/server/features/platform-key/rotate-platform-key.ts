/**
 * `itd keys rotate`: every TOTP secret and every group file is opened with the current platform key and sealed again
 * with a new one, and the recorded key id changes, all in one transaction: until it commits the database still
 * records (and holds secrets only under) the old key, so a failure half-way changes nothing. The new key reaches
 * the disk before the commit, so no committed secret is ever sealed under a key that was not saved.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { systemActor } from '../../../shared/actor.ts';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../audit/index.ts';
import { createFileSealer } from '../groups/index.ts';
import { createSealer } from '../identity/index.ts';
import { openPlatformKey, type KeySettings } from './check-platform-key.ts';
import { keyIdOf, platformKeyFile } from './key-id.ts';
import {
  unsafeInKeyLockedTransaction,
  unsafeReplaceKeyId,
  unsafeSealedFilePage,
  unsafeSealedTotpPage,
  unsafeStoreFileSealed,
  unsafeStoreTotpSealed,
} from './platform-key.repo.ts';

export interface KeyRotation {
  fromKeyId: string;
  toKeyId: string;
  totpSecrets: number;
  files: number;
  /** Where the new key is: the data directory's secret.key, or a file whose content goes into ITD_SECRET_KEY. */
  newKeyFile: string;
  /** The old key, kept beside it until the operator removes it (needed by backups taken before the rotation). */
  oldKeyFile: string | null;
}

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

function writeKeyFile(file: string, key: Buffer): void {
  const handle = fs.openSync(file, 'w', 0o600);
  try {
    fs.writeSync(handle, key.toString('hex'));
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

export async function rotatePlatformKey(
  db: Kysely<DB>,
  settings: KeySettings,
  options: { newKey?: Buffer; clock?: () => Date } = {},
): Promise<KeyRotation> {
  const { key: oldKey, keyId: fromKeyId } = await openPlatformKey(db, settings);
  const newKey = options.newKey ?? randomBytes(32);
  if (newKey.length !== 32)
    throw new Error('The new platform key must be 32 bytes (64 hexadecimal characters).');
  const toKeyId = keyIdOf(newKey);
  if (toKeyId === fromKeyId) throw new Error('The new platform key is the key in use.');

  // Saved before the commit; it becomes the key (or is handed to the operator) only after it.
  const pendingFile = path.join(settings.dataDir, `secret.key.${toKeyId}`);
  fs.mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  writeKeyFile(pendingFile, newKey);

  const [oldTotp, newTotp] = [createSealer(oldKey), createSealer(newKey)];
  const [oldFiles, newFiles] = [createFileSealer(oldKey), createFileSealer(newKey)];
  let totpSecrets = 0;
  let files = 0;
  try {
    await unsafeInKeyLockedTransaction(db, async (tx) => {
      for (let after = FIRST_ID; ;) {
        const page = await unsafeSealedTotpPage(tx, after, 500);
        if (page.length === 0) break;
        for (const user of page) {
          await unsafeStoreTotpSealed(tx, user.id, newTotp.seal(oldTotp.unseal(user.sealed)));
          totpSecrets++;
        }
        after = page[page.length - 1]!.id;
      }
      for (let after = FIRST_ID; ;) {
        const page = await unsafeSealedFilePage(tx, after, 20);
        if (page.length === 0) break;
        for (const file of page) {
          await unsafeStoreFileSealed(
            tx,
            file.id,
            newFiles.seal(file.id, oldFiles.open(file.id, file.sealed)),
          );
          files++;
        }
        after = page[page.length - 1]!.id;
      }
      await unsafeReplaceKeyId(tx, toKeyId);
      await recordAudit(
        tx,
        { actor: systemActor('itd keys rotate'), clock: options.clock ?? (() => new Date()) },
        {
          action: 'keys.rotated',
          targetType: 'platform_key',
          targetId: toKeyId,
          details: { fromKeyId, toKeyId, totpSecrets, files },
        },
      );
    });
  } catch (error) {
    fs.rmSync(pendingFile, { force: true });
    throw error;
  }

  if (settings.secretKeyHex)
    return { fromKeyId, toKeyId, totpSecrets, files, newKeyFile: pendingFile, oldKeyFile: null };
  // The key file in the data directory: the old one is kept under its id, the new one takes its name.
  const current = platformKeyFile(settings.dataDir);
  const oldKeyFile = path.join(settings.dataDir, `secret.key.${fromKeyId}`);
  fs.renameSync(current, oldKeyFile);
  fs.renameSync(pendingFile, current);
  return { fromKeyId, toKeyId, totpSecrets, files, newKeyFile: current, oldKeyFile };
}
