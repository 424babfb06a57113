import assert from 'node:assert/strict';
import { test } from 'node:test';
import { convertQuantity, SPECIMENS } from './quantity-conversion.ts';

test('a weight becomes kg, a count specimens, anything else neither', () => {
  assert.deepEqual(convertQuantity(250, { baseUnit: 'kg', factor: 0.001 }), {
    quantityKg: 0.25,
    quantityCount: null,
  });
  assert.deepEqual(convertQuantity(3, { baseUnit: 'count', factor: 12 }), {
    quantityKg: null,
    quantityCount: 36,
  });
  assert.deepEqual(convertQuantity(2, { baseUnit: 'm3', factor: 1 }), {
    quantityKg: null,
    quantityCount: null,
  });
  assert.deepEqual(convertQuantity(2, { baseUnit: 'kg', factor: null }), {
    quantityKg: null,
    quantityCount: null,
  });
});

test('no unit is a number of specimens; no quantity converts to nothing', () => {
  assert.deepEqual(convertQuantity(40, SPECIMENS), { quantityKg: null, quantityCount: 40 });
  assert.deepEqual(convertQuantity(null, SPECIMENS), { quantityKg: null, quantityCount: null });
});
