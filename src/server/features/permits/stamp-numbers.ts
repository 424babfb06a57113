/**
 * A security stamp number as ranges compare it: its key (permitNumberKey, as the registry matches stamps) split
 * into the letters before its number and the number itself — "CH 0012345" is prefix "CH", number 12345. A stamp
 * whose key does not end in digits cannot be in a range. Pure.
 */
import { permitNumberKey } from '../../../shared/permits.contract.ts';

export interface StampParts {
  prefix: string;
  number: number;
}

/** Up to 15 digits: every such number is exact as a JavaScript number and fits the bigint column. */
const PARTS = /^(.*?)(\d{1,15})$/;

export function stampParts(stamp: string): StampParts | null {
  const match = PARTS.exec(permitNumberKey(stamp));
  return match ? { prefix: match[1]!, number: Number(match[2]) } : null;
}
