/**
 * Permit numbers recognised in what Parties write in a seizure record: the numbers a permit or certificate word
 * introduces, in English, French and Spanish, lists of them, and never the other numbers free text is full of
 * (invoices, flights, weights, values, case references, dates, years).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { permitMentionsOf, permitNumbersInField, permitNumbersInText } from './permit-mentions.ts';

describe('permit numbers in additional information', () => {
  const found: [string, string[]][] = [
    [
      'Shipment accompanied by CITES export permit No. 21KE000123 issued by Kenya; invoice no. 44521.',
      ['21KE000123'],
    ],
    ['False CITES permit no. KE/2021/00456.', ['KE/2021/00456']],
    ['Permits nos. 21KE000123 and 21KE000124 presented at the counter.', ['21KE000123', '21KE000124']],
    ['Re-export certificate 2020-CH-00077 was used twice.', ['2020-CH-00077']],
    ['Declared with permit number: 19US123456 (expired).', ['19US123456']],
    ['permis CITES n° FR2101234567-E présenté par le transitaire', ['FR2101234567-E']],
    ["Permis d'exportation n°FR21-0099 falsifié, 3 colis", ['FR21-0099']],
    ['Se presentó el permiso de exportación número ES-AB-21/00345, 12 kg', ['ES-AB-21/00345']],
    ['certificado CITES nº MX/2019/0456 alterado', ['MX/2019/0456']],
  ];
  for (const [text, numbers] of found)
    test(`finds ${numbers.join(', ')}`, () => assert.deepEqual(permitNumbersInText(text), numbers));

  const nothing = [
    'No CITES permit. 2 boxes, flight EK 723, value USD 12,000, case ref 2021/CR/114, seized 15/03/2021.',
    'The permit no longer matched the goods; invoice 2021-00045 and airway bill 176-12345675.',
    'Permit dated 12/05/2021 for 300 kg; passport no. P1234567.',
    'Permit 2019 scheme; 45 tusks weighing 120.5 kg, container MSCU1234567.',
    'Without permit. Offender fined 5000 EUR under article 12-3 of the code.',
    'Permitted quantity 2000 exceeded; certification process 2021.',
  ];
  for (const text of nothing)
    test(`finds nothing in "${text.slice(0, 40)}…"`, () => assert.deepEqual(permitNumbersInText(text), []));
});

describe('the Permit number column', () => {
  test('several numbers separated by ";", "," or new lines, each as written', () => {
    assert.deepEqual(permitNumbersInField('KE/2026/0001; KE-2026-0002\nZA 123'), [
      'KE/2026/0001',
      'KE-2026-0002',
      'ZA 123',
    ]);
    assert.deepEqual(permitNumbersInField('  '), []);
  });

  test('a number in both places is named once, as the column writes it', () => {
    const mentions = permitMentionsOf({
      field: 'KE/2026/0001',
      text: 'CITES permit No. ke-2026-0001 and permit no. KE/2026/0002',
    });
    assert.deepEqual(
      mentions.map((m) => [m.number, m.key, m.source]),
      [
        ['KE/2026/0001', 'KE20260001', 'field'],
        ['KE/2026/0002', 'KE20260002', 'text'],
      ],
    );
  });
});
