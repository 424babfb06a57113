/**
 * The formula guard: every sign a spreadsheet could take for the start of a formula is neutralised, whether typed
 * plainly, in its full-width or small form, or behind white space; ordinary text and numbers are left alone.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { spreadsheetSafe, startsFormula } from './formula-guard.ts';

const neutralised = (text: string) => assert.equal(spreadsheetSafe(text), `'${text}`, JSON.stringify(text));
const untouched = (text: string) => assert.equal(spreadsheetSafe(text), text, JSON.stringify(text));

describe('the formula guard', () => {
  test('each plain sign, a tab and a carriage return', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx', '=', '-'])
      neutralised(text);
  });

  test('full-width, small and other look-alike signs count as the sign', () => {
    for (const text of [
      '\uFF1DHYPERLINK("http://x")', // ＝
      '\uFF0B1', // ＋
      '\uFF0D1', // －
      '\uFF20SUM(A1)', // ＠
      '\uFE66cmd', // ﹦ small equals
      '\uFE62 1', // ﹢ small plus
      '\uFE63 1', // ﹣ small hyphen-minus
      '\uFE6Bx', // ﹫ small commercial at
      '\u207C1', // ⁼ superscript equals
      '\u208A1', // ₊ subscript plus
      '\u22121', // − minus sign
    ])
      neutralised(text);
  });

  test('white space before a sign does not hide it', () => {
    for (const text of [' =1+2', '   +1', '\u00A0=1', '\u3000\uFF1D1', '\n@x', ' \t=1', '\u3000-5'])
      neutralised(text);
  });

  test('ordinary text, codes, dates and numbers written as text are left alone', () => {
    for (const text of [
      'Manis javanica',
      'Loxodonta africana spp.',
      '2025-03-15',
      '12.5',
      '45731',
      'KIL',
      'a=b',
      'x+1',
      'e-mail',
      'Côte d’Ivoire',
      '\uFF21BC', // full-width letters are not signs
      '',
      '   ',
      '\n',
      '😀 =1', // a character outside the basic plane first, then a sign later
    ])
      untouched(text);
  });

  test('the text is kept as it was, only prefixed', () => {
    assert.equal(spreadsheetSafe('\uFF1D1+1'), "'\uFF1D1+1");
    assert.equal(startsFormula('\uFF1D1+1'), true);
    assert.equal(startsFormula('plain'), false);
  });
});
