/**
 * Passwords: argon2id hashes (the library's default algorithm), at least 12 characters, refused when
 * they are common or built from the platform's own words.
 */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MIN_LENGTH } from '../../../shared/auth.contract.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // With no stored hash, still spend the time of a check, so timing does not reveal the account.
  if (!passwordHash) {
    dummyHash ??= hash(randomBytes(16).toString('hex'));
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

let dummyHash: Promise<string> | undefined;

/** The reason key (messages.ts REASONS) when a new password is not acceptable, or null. */
export function passwordWeakness(
  password: string,
  personal: string[] = [],
): 'too_small' | 'common_password' | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_small';
  const folded = password.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (COMMON_PASSWORDS.has(password.toLowerCase()) || COMMON_PASSWORDS.has(folded)) return 'common_password';
  if (/^(.)\1+$/.test(password) || /^(0123456789|1234567890|abcdefghijkl|qwertyuiop)/.test(folded))
    return 'common_password';
  const words = ['cites', 'itdplatform', 'illegaltrade', 'wildlife', ...personal.map((p) => p.toLowerCase())];
  if (
    words.some((word) => word.length >= 4 && folded.replace(/\d+$/, '') === word.replace(/[^a-z0-9]/g, ''))
  ) {
    return 'common_password';
  }
  return null;
}
