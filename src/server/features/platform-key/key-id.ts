/**
 * The platform key's id: a one-way fingerprint (HKDF-SHA256 of the key with its own label, 8 bytes shown as hex),
 * safe to print, log, store and put in a backup's manifest. It tells keys apart; it gives nothing of the key.
 */
import { hkdfSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function keyIdOf(key: Buffer): string {
  const digest = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'itd-platform key id v1', 8));
  return `k1-${digest.toString('hex')}`;
}

export const platformKeyFile = (dataDir: string) => path.join(dataDir, 'secret.key');

/** Where this server's key comes from, in words for an operator. */
export function keySourceOf(secretKeyHex: string | undefined, dataDir: string): string {
  return secretKeyHex ? 'ITD_SECRET_KEY' : platformKeyFile(dataDir);
}

/** Whether a key is there to load without creating one. */
export function platformKeyPresent(secretKeyHex: string | undefined, dataDir: string): boolean {
  return Boolean(secretKeyHex) || fs.existsSync(platformKeyFile(dataDir));
}

/** The id of the key this machine would use, without creating one; null when it has none. */
export function localKeyId(secretKeyHex: string | undefined, dataDir: string): string | null {
  if (secretKeyHex) return keyIdOf(Buffer.from(secretKeyHex, 'hex'));
  const file = platformKeyFile(dataDir);
  return fs.existsSync(file) ? keyIdOf(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex')) : null;
}
