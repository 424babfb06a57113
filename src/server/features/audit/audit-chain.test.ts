import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  canonicalJson,
  CHAIN_START,
  checkHead,
  hashEntry,
  verifySegment,
  type ChainedEntry,
} from './audit-chain.ts';

function chain(length: number, scheme: 1 | 2 = 2): (ChainedEntry & { hash: string })[] {
  const entries: (ChainedEntry & { hash: string })[] = [];
  let prevHash = CHAIN_START.hash;
  for (let seq = 1; seq <= length; seq++) {
    const entry: ChainedEntry = {
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actorKind: 'system',
      actorId: null,
      actorLabel: 'test',
      action: 'a',
      targetType: null,
      targetId: String(seq),
      details: { seq },
      ipAddress: null,
      requestId: null,
      prevHash,
      scheme,
    };
    const hash = hashEntry(entry);
    entries.push({ ...entry, hash });
    prevHash = hash;
  }
  return entries;
}

test('canonical JSON ignores key order at every depth', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
      const reversed = Object.fromEntries(Object.entries(value).reverse());
      assert.equal(canonicalJson(value), canonicalJson(reversed));
    }),
  );
});

test('an intact chain has no problems; any single edit is found', () => {
  const entries = chain(5);
  assert.deepEqual(verifySegment(entries, CHAIN_START).problems, []);
  assert.equal(checkHead(verifySegment(entries, CHAIN_START).last, entries[4]!), null);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 4 }), fc.string({ minLength: 1 }), (index, action) => {
      const tampered = chain(5).map((e, i) => (i === index ? { ...e, action: `${e.action}${action}` } : e));
      assert.deepEqual(verifySegment(tampered, CHAIN_START).problems, [{ kind: 'edited', seq: index + 1 }]);
    }),
  );
});

test('entries hashed by the first scheme still verify, and a chain may move from one scheme to the next', () => {
  const older = chain(3, 1);
  assert.deepEqual(verifySegment(older, CHAIN_START).problems, []);
  const last = verifySegment(older, CHAIN_START).last;
  const newer = chain(5, 2).slice(3);
  const [first, second] = newer;
  const relinkedFirst = { ...first!, prevHash: last.hash };
  const firstHash = hashEntry(relinkedFirst);
  const relinkedSecond = { ...second!, prevHash: firstHash };
  const mixed = [
    ...older,
    { ...relinkedFirst, hash: firstHash },
    { ...relinkedSecond, hash: hashEntry(relinkedSecond) },
  ];
  assert.deepEqual(verifySegment(mixed, CHAIN_START).problems, []);
  // The scheme is covered too: relabelling an entry's scheme breaks its hash.
  const relabelled = mixed.map((e, i) => (i === 1 ? { ...e, scheme: 2 as const } : e));
  assert.deepEqual(verifySegment(relabelled, CHAIN_START).problems, [{ kind: 'edited', seq: 2 }]);
});
