/**
 * The CITESEPermit reader: a real-shaped document (the EPIX fixture's structure) read box by box, several permits
 * in one file, and the documents it must refuse — an entity-expansion bomb, an external entity, a malformed
 * document (with its line and element), one too large, one of another namespace.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { permitXml } from '../permits.test-support.ts';
import { readPermitXml } from './read-permit-xml.ts';
import { readXmlTree, XmlRefusedError } from './read-xml-tree.ts';

const refusal = (fn: () => unknown): XmlRefusedError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof XmlRefusedError) return error;
    throw error;
  }
  assert.fail('the document was accepted');
};

describe('CITESEPermit XML', () => {
  test('a permit in a SOAP answer is read box by box', () => {
    const [draft, ...rest] = readPermitXml(
      permitXml([
        {
          number: 'KE/2026-000123',
          type: 'R',
          from: '2026-01-06',
          until: '2026-07-05',
          stamp: 'SS-0042',
          lines: [
            {
              species: 'Alligator mississippiensis',
              quantity: '5',
              unit: 'PCS',
              originPermit: 'US12345',
              origin: 'US',
            },
            {
              species: 'Aloe ferox',
              quantity: '12.5',
              unit: 'KIL',
              appendix: 'II',
              source: 'A',
              term: 'EXT',
            },
          ],
        },
      ]),
    );
    assert.equal(rest.length, 0);
    assert.ok(draft);
    assert.equal(draft.number, 'KE/2026-000123');
    assert.equal(draft.type, 'R');
    assert.equal(draft.validFrom, '2026-01-06');
    assert.equal(draft.validUntil, '2026-07-05');
    assert.equal(draft.securityStamp, 'SS-0042');
    assert.equal(draft.issuingCountry, 'KE');
    assert.equal(draft.purposeCode, 'T');
    assert.match(draft.issuingAuthority ?? '', /^Authority name, Street, City/);
    assert.deepEqual(draft.exporter, { name: 'Consignor name', address: 'Street, City', country: 'KE' });
    assert.equal(draft.importer.country, 'FR');
    assert.match(draft.specialConditions ?? '', /IATA/);
    assert.equal(draft.lines.length, 2);
    assert.deepEqual(
      { ...draft.lines[0], row: 0 },
      {
        row: 0,
        taxonName: 'Alligator mississippiensis',
        commonName: 'common name',
        description: 'watchstraps',
        termCode: 'LPS',
        appendix: 'II',
        sourceCode: 'W',
        quantity: '5',
        unitCode: 'PCS',
        originCountry: 'US',
        originPermit: 'US12345',
        reexportCountry: null,
        reexportPermit: null,
      },
    );
    assert.equal(draft.lines[1]?.quantity, '12.5');
    assert.equal(draft.lines[1]?.unitCode, 'KIL');
  });

  test('several permits in one document are each read', () => {
    const drafts = readPermitXml(
      permitXml([
        { number: 'A1', lines: [{ species: 'Aloe ferox', quantity: '1' }] },
        { number: 'A2', lines: [{ species: 'Aloe ferox', quantity: '2' }] },
        { number: 'A3', lines: [{ species: 'Aloe ferox', quantity: '3' }] },
      ]),
    );
    assert.deepEqual(
      drafts.map((d) => d.number),
      ['A1', 'A2', 'A3'],
    );
  });

  test('an entity-expansion bomb is refused before any entity is defined or expanded', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol0 "lol">${levels.join('')}]>\n<CITESEPermit>&lol9;</CITESEPermit>`;
    const started = process.memoryUsage().heapUsed;
    const error = refusal(() => readPermitXml(Buffer.from(bomb)));
    assert.equal(error.reason, 'doctype');
    assert.equal(error.line, 2);
    assert.ok(process.memoryUsage().heapUsed - started < 50 * 1024 * 1024, 'nothing was expanded');
  });

  test('an external entity is refused: no file is read', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>`;
    const error = refusal(() => readPermitXml(Buffer.from(xxe)));
    assert.equal(error.reason, 'doctype');
    assert.doesNotMatch(error.message, /root:/);
  });

  test('an entity reference without a declaration is refused as malformed, with its line and element', () => {
    const error = refusal(() => readXmlTree(Buffer.from('<a>\n<b>&x;</b></a>')));
    assert.equal(error.reason, 'malformed');
    assert.equal(error.line, 2);
    assert.equal(error.element, 'b');
    assert.match(error.message, /undefined entity/);
  });

  test('a malformed document is refused with the line and the element at fault', () => {
    const error = refusal(() =>
      readXmlTree(Buffer.from('<CITESEPermit>\n  <Header>\n    <ID>1</Header>\n</CITESEPermit>')),
    );
    assert.equal(error.reason, 'malformed');
    assert.equal(error.line, 3);
    assert.ok(error.element === 'ID' || error.element === 'Header', String(error.element));
  });

  test('a document above the size limit is refused unread', () => {
    const error = refusal(() => readXmlTree(Buffer.alloc(2048, 32), 1024));
    assert.equal(error.reason, 'too_large');
  });

  test('a document nested too deeply is refused', () => {
    const deep = `${'<a>'.repeat(100)}${'</a>'.repeat(100)}`;
    assert.equal(refusal(() => readXmlTree(Buffer.from(deep))).reason, 'too_deep');
  });

  test('a CITESEPermit element of another namespace is not a permit', () => {
    const other = '<CITESEPermit xmlns="urn:example:other"><HeaderExchangedDocument/></CITESEPermit>';
    const error = refusal(() => readPermitXml(Buffer.from(other)));
    assert.match(error.message, /CITESEPermit:2/);
  });
});
