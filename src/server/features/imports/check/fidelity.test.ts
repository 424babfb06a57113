/**
 * Values that used to be stored wrong in silence, each now read right or asked: date order and decimal mark
 * decided per file, numbers in other notations, non-whole counts, country cells as real files write them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDateEvidence, addNumberEvidence, emptyEvidence, settledConventions } from './file-conventions.ts';
import { parseSeizureDate } from './normalise-date.ts';
import { parseQuantity } from './normalise-quantity.ts';
import {
  demonymMap,
  readCountryList,
  readOneCountry,
  withCountryData,
  type CountryFound,
} from './country-reader.ts';
import { headerMapper } from '../read/row-mapping.ts';
import { isTotalsRow } from './check-rows.ts';

const settle = (dates: string[], numbers: string[] = []) => {
  const evidence = emptyEvidence();
  for (const d of dates) addDateEvidence(evidence, d);
  for (const n of numbers) addNumberEvidence(evidence, n);
  return settledConventions(evidence);
};

describe('date order, decided per file', () => {
  test('a file whose dates prove month/day reads 2/3/2021 as 3 February', () => {
    const { dateOrder } = settle(['1/13/2021', '6/30/2021', '2/3/2021']);
    assert.equal(dateOrder, 'mdy');
    assert.deepEqual(parseSeizureDate('2/3/2021', dateOrder), {
      ok: true,
      date: '2021-02-03',
      precision: 'day',
    });
  });
  test('a file whose dates prove day/month reads 2/3/2021 as 2 March', () => {
    const { dateOrder } = settle(['13/1/2021', '2/3/2021']);
    assert.equal(dateOrder, 'dmy');
    assert.equal((parseSeizureDate('2/3/2021', dateOrder) as { date: string }).date, '2021-03-02');
  });
  test('a file showing both orders, or none, settles nothing and the ambiguous date is not read', () => {
    assert.equal(settle(['13/1/2021', '1/13/2021']).dateOrder, null);
    assert.equal(settle(['2/3/2021', '4/5/2021']).dateOrder, null);
    assert.deepEqual(parseSeizureDate('2/3/2021', null), { ok: false, suggestion: null, ambiguous: true });
  });
  test('dates that prove their own order are read without a convention; same day and month need none', () => {
    assert.equal((parseSeizureDate('1/13/2021') as { date: string }).date, '2021-01-13');
    assert.equal((parseSeizureDate('13/1/2021') as { date: string }).date, '2021-01-13');
    assert.equal((parseSeizureDate('5/5/2021') as { date: string }).date, '2021-05-05');
  });
  test('other ways real files write dates', () => {
    const read = (text: string) => parseSeizureDate(text, 'dmy');
    assert.deepEqual(read('15 de marzo de 2021'), { ok: true, date: '2021-03-15', precision: 'day' });
    assert.deepEqual(read('15th March 2021'), { ok: true, date: '2021-03-15', precision: 'day' });
    assert.deepEqual(read('15/3/2021 12:00'), { ok: true, date: '2021-03-15', precision: 'day' });
    assert.deepEqual(read('20210315'), { ok: true, date: '2021-03-15', precision: 'day' });
    assert.deepEqual(read('Mar-21'), { ok: true, date: '2021-03-01', precision: 'month' });
  });
});

describe('numbers, decided per file', () => {
  test('1.500 in a continental file (1.500,25) is fifteen hundred, not one and a half', () => {
    const { decimalMark } = settle([], ['1.500,25', '1.500']);
    assert.equal(decimalMark, 'comma');
    assert.deepEqual(parseQuantity('1.500', decimalMark), { ok: true, value: 1500 });
  });
  test('1.500 in a file writing 2.75 is one and a half', () => {
    const { decimalMark } = settle([], ['2.75', '1.500']);
    assert.equal(decimalMark, 'point');
    assert.deepEqual(parseQuantity('1.500', decimalMark), { ok: true, value: 1.5 });
  });
  test('1.500 and 1,005 are questions when the file does not settle the mark', () => {
    assert.equal(settle([], ['1.500', '12']).decimalMark, null);
    assert.deepEqual(parseQuantity('1.500'), { ok: false, reason: 'ambiguous', suggestion: null });
    assert.deepEqual(parseQuantity('1,005'), { ok: false, reason: 'ambiguous', suggestion: null });
  });
  test('scientific notation, spaces and apostrophes as thousands separators', () => {
    assert.deepEqual(parseQuantity('2.5e3'), { ok: true, value: 2500 });
    assert.deepEqual(parseQuantity('1 500'), { ok: true, value: 1500 });
    assert.deepEqual(parseQuantity("1'500"), { ok: true, value: 1500 });
    assert.deepEqual(parseQuantity('1.234.567'), { ok: true, value: 1234567 });
  });
});

describe('country cells', () => {
  const names: Record<string, string> = {
    nigeria: 'NG',
    turkey: 'TR',
    kenya: 'KE',
    'united arab emirates': 'AE',
    uae: 'AE',
    china: 'CN',
    'china hong kong sar': 'HK',
    'republic of korea': 'KR',
    'democratic republic of the congo': 'CD',
    tanzania: 'TZ',
    'viet nam': 'VN',
    morocco: 'MA',
    'trinidad and tobago': 'TT',
    usa: 'US',
  };
  const lookup = withCountryData((key) =>
    names[key] ? { code: names[key], isRegion: false, former: false } : null,
  );
  const one = (text: string) => {
    const read = readOneCountry(lookup, text);
    return read?.kind === 'one' ? read.found.code : read?.kind === 'several' ? read.codes : null;
  };
  test('"X SAR, China" is HK or MO, never CN', () => {
    assert.equal(one('Hong Kong SAR, China'), 'HK');
    assert.equal(one('Macao SAR, China'), 'MO');
    assert.equal(one('China, Hong Kong SAR'), 'HK');
  });
  test('City, Country and Country, City', () => {
    assert.equal(one('Lagos, Nigeria'), 'NG');
    assert.equal(one('Kenya, Nairobi'), 'KE');
  });
  test('ISO-style inverted names, parentheses, alpha-3, former names flagged', () => {
    assert.equal(one('Korea, Republic of'), 'KR');
    assert.equal(one('Congo, Democratic Republic of the'), 'CD');
    assert.equal(one('Macedonia, the former Yugoslav Republic of'), 'MK');
    assert.equal(one('Türkiye (Turkey)'), 'TR');
    assert.equal(one('NGA'), 'NG');
    assert.equal(one('Corée du Sud'), 'KR');
    const zaire = readOneCountry(lookup, 'Zaire') as { found: CountryFound };
    assert.deepEqual(zaire.found, { code: 'CD', isRegion: false, former: true });
  });
  test('a single-country cell naming two countries is several, not the last one', () => {
    assert.deepEqual(one('Lagos, Nigeria and Istanbul, Turkey'), ['NG', 'TR']);
    assert.deepEqual(one('Kenya, Tanzania'), ['KE', 'TZ']);
    assert.equal(one('Trinidad and Tobago'), 'TT');
  });
  test('lists split only where each part is a country', () => {
    const codes = (text: string) => readCountryList(lookup, text).found.map((f) => f.code);
    assert.deepEqual(codes('Nairobi, Kenya'), ['KE']);
    assert.deepEqual(codes('Nairobi, Kenya; Dubai, UAE'), ['KE', 'AE']);
    assert.deepEqual(codes('Kenya / Tanzania & Viet Nam'), ['KE', 'TZ', 'VN']);
    assert.deepEqual(readCountryList(lookup, 'Atlantis').unknown, ['Atlantis']);
  });
  test('demonyms in three languages, feminine and plural', () => {
    const demonyms = demonymMap();
    for (const [word, code] of [
      ['chinese', 'CN'],
      ['vietnamienne', 'VN'],
      ['vietnamita', 'VN'],
      ['marocaine', 'MA'],
      ['marroquies', 'MA'],
      ['nigerians', 'NG'],
    ])
      assert.equal(demonyms.get(word!), code, word);
  });
});

describe('units in headers', () => {
  test('Quantity (kg) gives its values kilograms; a count column beside a weight is kept as the second measure', () => {
    const mapper = headerMapper(['Date', 'Species', 'Term', 'Quantity (kg)', 'Number']);
    assert.deepEqual(mapper.missingColumns.includes('Quantity'), false);
    const { cells, source } = mapper.map(['1/2/2020', 'Manis', 'SCA', '8.34', '3 ']);
    assert.equal(cells.Quantity, '8.34');
    assert.equal(cells.Unit, 'KIL');
    assert.equal(cells['Second quantity'], '3');
    assert.equal(cells['Second unit'], '');
    assert.equal(source.Number, '3 ', 'the source cell is kept exactly');
  });
});

describe('totals rows', () => {
  test('a totals row is recognised; a seizure row mentioning a total is not', () => {
    assert.equal(isTotalsRow({ 'Date of seizure': '', Species: 'Total', Quantity: '340' }), true);
    assert.equal(isTotalsRow({ Quantity: '340' }, { 'Col A': 'Grand total', Qty: '340' }), true);
    assert.equal(isTotalsRow({ 'Date of seizure': '2/3/2021', Species: 'Manis', Quantity: 'Total' }), false);
    assert.equal(isTotalsRow({ 'Date of seizure': '', Species: '', Quantity: '4' }), false);
  });
});
