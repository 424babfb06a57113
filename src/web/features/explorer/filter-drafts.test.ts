/** Typed filter fields: which drafts are applied, and as what. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isoDateOf, quantityOf, searchTextOf } from './filter-drafts.ts';

test('free text waits for two characters and is trimmed', () => {
  assert.equal(searchTextOf(''), '', 'emptied: the filter is removed');
  assert.equal(searchTextOf('   '), '');
  assert.equal(searchTextOf(' c '), null, 'one letter: wait');
  assert.equal(searchTextOf(' cashew nuts '), 'cashew nuts');
  assert.equal(searchTextOf('x'.repeat(250))?.length, 200, 'cut to what the contract takes');
});

test('dates: only whole, real days are applied', () => {
  assert.equal(isoDateOf(''), '');
  assert.equal(isoDateOf('2021-03-09'), '2021-03-09');
  assert.equal(isoDateOf('0202-03-09'), null, 'a year still being typed');
  assert.equal(isoDateOf('2021-02-30'), null, 'not a day');
  assert.equal(isoDateOf('2021-3-9'), null);
});

test('quantities: numbers from zero up, written plainly', () => {
  assert.equal(quantityOf(''), '');
  assert.equal(quantityOf('12'), '12');
  assert.equal(quantityOf('1.50'), '1.5');
  assert.equal(quantityOf('0'), '0');
  assert.equal(quantityOf('-3'), null);
  assert.equal(quantityOf('1.'), '1');
  assert.equal(quantityOf('abc'), null);
});
