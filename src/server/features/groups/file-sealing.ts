/**
 * Group files at rest: AES-256-GCM under a file key derived with HKDF-SHA256 from the platform key
 * (ITD_SECRET_KEY or the data directory's key file, see identity/secrets.ts), so the TOTP sealer and the file
 * sealer never share a key. Each file gets a fresh 96-bit nonce; the file's id is the associated data, so a
 * sealed blob copied onto another row does not open. Layout: version byte (1) ‖ nonce (12) ‖ tag (16) ‖ ciphertext.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HKDF_INFO = 'itd-platform group files v1';

export interface FileSealer {
  seal(fileId: string, plain: Buffer): Buffer;
  open(fileId: string, sealed: Buffer): Buffer;
}

export function deriveFileKey(platformKey: Buffer): Buffer {
  if (platformKey.length !== 32) throw new Error('The platform key must be 32 bytes.');
  return Buffer.from(hkdfSync('sha256', platformKey, Buffer.alloc(0), HKDF_INFO, 32));
}

export function createFileSealer(platformKey: Buffer): FileSealer {
  const key = deriveFileKey(platformKey);
  return {
    seal(fileId, plain) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(fileId, 'utf8'));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
    },
    open(fileId, sealed) {
      if (sealed[0] !== VERSION) throw new Error('Unknown sealed file format.');
      const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
      const tag = sealed.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, nonce);
      decipher.setAAD(Buffer.from(fileId, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(1 + NONCE_BYTES + TAG_BYTES)), decipher.final()]);
    },
  };
}
