/** The world map's zoom and pan stay inside the map and between the zoom bounds. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_ZOOM, pannedBy, viewBoxOf, wholeMap, zoomedBy } from './map-zoom.ts';

const size = { width: 960, height: 470 };

test('the whole map is the viewBox of the drawing', () => {
  assert.equal(viewBoxOf(wholeMap(size), size), '0 0 960 470');
});

test('zooming in halves the window around the centre; zooming out stops at the whole map', () => {
  const twice = zoomedBy(wholeMap(size), 2, size);
  assert.equal(viewBoxOf(twice, size), '240 117.5 480 235');
  assert.deepEqual(zoomedBy(twice, 1 / 4, size), wholeMap(size));
  let view = wholeMap(size);
  for (let step = 0; step < 20; step += 1) view = zoomedBy(view, 1.5, size);
  assert.equal(view.zoom, MAX_ZOOM);
});

test('panning stops at the edges of the map', () => {
  const twice = zoomedBy(wholeMap(size), 2, size);
  assert.equal(viewBoxOf(pannedBy(twice, -1000, -1000, size), size), '0 0 480 235');
  assert.equal(viewBoxOf(pannedBy(twice, 1000, 1000, size), size), '480 235 480 235');
  assert.deepEqual(pannedBy(wholeMap(size), 50, 0, size), wholeMap(size), 'nothing to pan at full size');
});

test('zooming out near an edge pulls the window back inside the map', () => {
  const corner = pannedBy(zoomedBy(wholeMap(size), 4, size), -1000, -1000, size);
  const out = zoomedBy(corner, 0.5, size);
  assert.equal(viewBoxOf(out, size), '0 0 480 235');
});
