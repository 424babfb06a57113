/**
 * A world choropleth drawn as SVG by React from the 110m world atlas shipped with the app (no tile server, works
 * offline): each country is filled by its number of seizures in the chosen role, on a 5-class scale whose
 * classes grow geometrically (seizure counts are very skewed: a few hubs and a long tail). Colours are set with
 * the `fill` attribute, never a <style> element (CSP). Each shape carries a <title> with the country and count.
 * Buttons zoom in and out (phones have no wheel and the page's own pinch would enlarge everything); once zoomed
 * the map is moved by dragging it (mouse, finger or pen) or with the arrow keys.
 */
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { ActionIcon, Text } from '@mantine/core';
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json' with { type: 'json' };
import { alpha2OfShape } from './iso-numeric.ts';
import {
  PAN_STEP,
  ZOOM_STEP,
  MAX_ZOOM,
  pannedBy,
  viewBoxOf,
  wholeMap,
  zoomedBy,
  type MapView,
} from './map-zoom.ts';

const WIDTH = 960;
const HEIGHT = 470;
const SIZE = { width: WIDTH, height: HEIGHT };
/** Light to dark: legible on white, and the darkest is still distinguishable from the borders. */
export const MAP_CLASS_COLOURS = ['#fee8c8', '#fdbb84', '#fc8d59', '#d7301f', '#7f0000'] as const;
export const MAP_NO_DATA_COLOUR = '#e9ecef';

interface ShapeProperties {
  name?: string;
}

interface Shape {
  key: string;
  code: string | null;
  path: string;
}

/** Computed once: the atlas never changes, only the fills do. */
let shapesCache: Shape[] | null = null;
function worldShapes(): Shape[] {
  if (shapesCache) return shapesCache;
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<ShapeProperties> }>;
  const collection = feature(topology, topology.objects.countries);
  // Antarctica takes a fifth of the height and has no seizures: left out so the inhabited world is larger.
  const features = collection.features.filter((shape) => shape.id !== '010');
  const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], { ...collection, features });
  const toPath = geoPath(projection);
  shapesCache = features.map((shape: Feature<Geometry, ShapeProperties>, index) => ({
    key: `${String(shape.id ?? 'x')}-${index}`,
    code: alpha2OfShape(shape.id === undefined ? undefined : String(shape.id), shape.properties.name),
    path: toPath(shape) ?? '',
  }));
  return shapesCache;
}

/**
 * Upper bounds of the classes for counts 1..max: max^(1/5), max^(2/5) … max, rounded and without repeats, so
 * small maxima give fewer classes rather than empty ones.
 */
export function classBounds(max: number): number[] {
  if (max <= 0) return [];
  const bounds: number[] = [];
  for (let step = 1; step <= MAP_CLASS_COLOURS.length; step += 1) {
    const bound =
      step === MAP_CLASS_COLOURS.length ? max : Math.round(max ** (step / MAP_CLASS_COLOURS.length));
    if (bound >= 1 && bound > (bounds.at(-1) ?? 0)) bounds.push(bound);
  }
  return bounds;
}

/** The colour of a count: the class colours are spread over however many classes there are. */
export function colourOf(count: number, bounds: readonly number[]): string {
  if (count <= 0 || bounds.length === 0) return MAP_NO_DATA_COLOUR;
  const index = bounds.findIndex((bound) => count <= bound);
  const classIndex = index === -1 ? bounds.length - 1 : index;
  const offset = MAP_CLASS_COLOURS.length - bounds.length;
  return MAP_CLASS_COLOURS[offset + classIndex] ?? MAP_CLASS_COLOURS[4];
}

export interface WorldMapProps {
  /** Seizures per country (alpha-2). */
  counts: ReadonlyMap<string, number>;
  countryName: (code: string) => string;
  /** Describes the map for screen readers, e.g. "Seizures by country of origin". */
  label: string;
}

export function WorldMap({ counts, countryName, label }: WorldMapProps) {
  const { t, i18n } = useTranslation();
  const shapes = worldShapes();
  const max = useMemo(() => Math.max(0, ...counts.values()), [counts]);
  const bounds = useMemo(() => classBounds(max), [max]);
  const numbers = new Intl.NumberFormat(i18n.language);
  const zoom = useMapZoom();
  const zoomButtons = [
    {
      kind: 'in',
      label: t('explorer.map.zoomIn'),
      onClick: () => zoom.zoomBy(ZOOM_STEP),
      isDisabled: zoom.view.zoom >= MAX_ZOOM,
    },
    {
      kind: 'out',
      label: t('explorer.map.zoomOut'),
      onClick: () => zoom.zoomBy(1 / ZOOM_STEP),
      isDisabled: !zoom.isZoomed,
    },
    { kind: 'reset', label: t('explorer.map.zoomReset'), onClick: zoom.reset, isDisabled: !zoom.isZoomed },
  ] as const;

  return (
    <figure className="itd-world-map" data-testid="world-map">
      <div className="itd-world-map__frame">
        <svg
          ref={zoom.svgRef}
          viewBox={viewBoxOf(zoom.view, SIZE)}
          role="img"
          aria-label={label}
          aria-describedby={zoom.isZoomed ? 'itd-world-map-pan-hint' : undefined}
          className={zoom.isZoomed ? 'itd-world-map__svg itd-world-map__svg--zoomed' : 'itd-world-map__svg'}
          tabIndex={zoom.isZoomed ? 0 : undefined}
          data-zoom={zoom.view.zoom}
          {...zoom.handlers}
        >
          <rect width={WIDTH} height={HEIGHT} fill="#f4f8fb" />
          {shapes.map((shape) => {
            const count = shape.code ? (counts.get(shape.code) ?? 0) : 0;
            return (
              <path
                key={shape.key}
                d={shape.path}
                fill={colourOf(count, bounds)}
                stroke="#ffffff"
                strokeWidth={0.5}
                vectorEffect="non-scaling-stroke"
                data-country={shape.code ?? undefined}
                data-count={count}
              >
                {shape.code ? <title>{`${countryName(shape.code)}: ${numbers.format(count)}`}</title> : null}
              </path>
            );
          })}
        </svg>
        <div className="itd-world-map__zoom">
          {zoomButtons.map((button) => (
            <ActionIcon
              key={button.kind}
              variant="default"
              size={40}
              aria-label={button.label}
              onClick={button.onClick}
              disabled={button.isDisabled}
            >
              <ZoomGlyph kind={button.kind} />
            </ActionIcon>
          ))}
        </div>
      </div>
      {zoom.isZoomed ? (
        <Text id="itd-world-map-pan-hint" size="xs" c="dimmed" mt={4}>
          {t('explorer.map.panHint')}
        </Text>
      ) : null}
      <figcaption className="itd-world-map__legend">
        {bounds.length === 0 ? (
          <span>{t('explorer.map.empty')}</span>
        ) : (
          <>
            <LegendItem colour={MAP_NO_DATA_COLOUR} text="0" />
            {bounds.map((bound, index) => {
              const low = index === 0 ? 1 : (bounds[index - 1] ?? 0) + 1;
              const text =
                low === bound ? numbers.format(bound) : `${numbers.format(low)}–${numbers.format(bound)}`;
              return <LegendItem key={bound} colour={colourOf(bound, bounds)} text={text} />;
            })}
          </>
        )}
      </figcaption>
    </figure>
  );
}

/** The map's view, with dragging (pointer events cover mouse, touch and pen) and the keyboard. */
function useMapZoom() {
  const [view, setView] = useState<MapView>(() => wholeMap(SIZE));
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ pointerId: number; x: number; y: number } | null>(null);
  const isZoomed = view.zoom > 1;
  /** Map units per screen pixel at the current zoom. */
  const unitsPerPixel = () => WIDTH / view.zoom / (svgRef.current?.clientWidth || WIDTH);

  const handlers = {
    onPointerDown: (event: PointerEvent<SVGSVGElement>) => {
      if (!isZoomed || !event.isPrimary) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      drag.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY };
    },
    onPointerMove: (event: PointerEvent<SVGSVGElement>) => {
      const start = drag.current;
      if (!start || start.pointerId !== event.pointerId) return;
      const scale = unitsPerPixel();
      const dx = (start.x - event.clientX) * scale;
      const dy = (start.y - event.clientY) * scale;
      drag.current = { ...start, x: event.clientX, y: event.clientY };
      setView((current) => pannedBy(current, dx, dy, SIZE));
    },
    onPointerUp: () => {
      drag.current = null;
    },
    onPointerCancel: () => {
      drag.current = null;
    },
    onKeyDown: (event: KeyboardEvent<SVGSVGElement>) => {
      const step = (WIDTH / view.zoom) * PAN_STEP;
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
        ArrowUp: [0, -step],
        ArrowDown: [0, step],
      };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        setView((current) => pannedBy(current, move[0], move[1], SIZE));
      } else if (event.key === '+' || event.key === '=') {
        setView((current) => zoomedBy(current, ZOOM_STEP, SIZE));
      } else if (event.key === '-') {
        setView((current) => zoomedBy(current, 1 / ZOOM_STEP, SIZE));
      }
    },
  };

  return {
    view,
    isZoomed,
    svgRef,
    handlers,
    zoomBy: (factor: number) => setView((current) => zoomedBy(current, factor, SIZE)),
    reset: () => setView(wholeMap(SIZE)),
  };
}

/** Plus, minus and "whole world" drawn as strokes: the app carries no icon set for three small glyphs. */
function ZoomGlyph({ kind }: { kind: 'in' | 'out' | 'reset' }) {
  const common = { stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round' as const, fill: 'none' };
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
      {kind === 'reset' ? (
        <>
          <circle cx="9" cy="9" r="6.5" {...common} />
          <path
            d="M2.5 9h13M9 2.5c-2.4 3.6-2.4 9.4 0 13M9 2.5c2.4 3.6 2.4 9.4 0 13"
            {...common}
            strokeWidth={1.4}
          />
        </>
      ) : (
        <path d={kind === 'in' ? 'M3 9h12M9 3v12' : 'M3 9h12'} {...common} />
      )}
    </svg>
  );
}

function LegendItem({ colour, text }: { colour: string; text: string }) {
  return (
    <span className="itd-world-map__legend-item">
      <svg width="14" height="14" aria-hidden="true">
        <rect width="14" height="14" fill={colour} stroke="#adb5bd" strokeWidth={1} />
      </svg>
      {text}
    </span>
  );
}
