/**
 * The world map's zoom and pan, as a view over the drawn map: a zoom factor and the map point at the centre.
 * The map is drawn once at full size; zooming only changes the SVG's viewBox, so nothing is projected again and
 * the shapes stay sharp. The view never leaves the map: at any zoom the visible window lies inside it.
 */

export interface MapSize {
  width: number;
  height: number;
}

export interface MapView {
  zoom: number;
  /** The map point shown at the centre, in the map's own units. */
  x: number;
  y: number;
}

export const MAX_ZOOM = 8;
/** Each press of a zoom button. */
export const ZOOM_STEP = 1.5;
/** Each press of an arrow key moves the view by this share of what is visible. */
export const PAN_STEP = 0.15;

export function wholeMap(size: MapSize): MapView {
  return { zoom: 1, x: size.width / 2, y: size.height / 2 };
}

function clampCentre(view: MapView, size: MapSize): MapView {
  const halfWidth = size.width / view.zoom / 2;
  const halfHeight = size.height / view.zoom / 2;
  const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
  return {
    zoom: view.zoom,
    x: clamp(view.x, halfWidth, size.width - halfWidth),
    y: clamp(view.y, halfHeight, size.height - halfHeight),
  };
}

/** Zooms by `factor` (above 1 in, below 1 out) around the centre of the view, between 1 and MAX_ZOOM. */
export function zoomedBy(view: MapView, factor: number, size: MapSize): MapView {
  const zoom = Math.min(Math.max(view.zoom * factor, 1), MAX_ZOOM);
  return clampCentre({ ...view, zoom }, size);
}

/** Moves the view by (dx, dy) in map units. */
export function pannedBy(view: MapView, dx: number, dy: number, size: MapSize): MapView {
  return clampCentre({ zoom: view.zoom, x: view.x + dx, y: view.y + dy }, size);
}

/** The SVG viewBox that shows this view. */
export function viewBoxOf(view: MapView, size: MapSize): string {
  const width = size.width / view.zoom;
  const height = size.height / view.zoom;
  const round = (value: number) => Math.round(value * 100) / 100;
  return [view.x - width / 2, view.y - height / 2, width, height].map(round).join(' ');
}
