/**
 * Build of the web app (src/web → dist/web), served by the ITD server at `/` under a strict CSP.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import {
  convertCssVariables,
  defaultCssVariablesResolver,
  DEFAULT_THEME,
  mergeMantineTheme,
  type ConvertCSSVariablesInput,
} from '@mantine/core';
import { defineConfig, type Plugin } from 'vite';
import { precompressAssets } from './scripts/vite-precompress.ts';
import { shellChunk } from './scripts/vite-shell-chunk.ts';
import { theme } from './src/web/ui/theme.ts';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const apiServer = 'http://127.0.0.1:8080';

/** The Mantine components of the frame and the sign-in pages (see scripts/vite-shell-chunk.ts). */
const SHELL_COMPONENTS = [
  'Alert',
  'Anchor',
  'Badge',
  'Burger',
  'Button',
  'Card',
  'Checkbox',
  'Code',
  'Collapse',
  'Container',
  'CopyButton',
  'Group',
  'Image',
  'Input',
  'InputBase',
  'List',
  'Loader',
  'Menu',
  'PasswordInput',
  'Popover',
  'Portal',
  'SegmentedControl',
  'Stack',
  'Text',
  'TextInput',
  'Title',
  'Transition',
  'UnstyledButton',
  'VisuallyHidden',
  'CloseButton',
  'FloatingIndicator',
  'ActionIcon',
];

const VIRTUAL_ID = 'virtual:mantine-theme.css';
const RESOLVED_VIRTUAL_ID = '\0' + VIRTUAL_ID;

/**
 * Serves `virtual:mantine-theme.css`: the CSS that MantineProvider would inject at runtime as <style> elements
 * (theme variables and the hiddenFrom/visibleFrom classes), computed here once from the same theme object.
 *
 * Why: the server sends `style-src 'self'`, which blocks runtime <style> elements. The app therefore renders
 * MantineProvider with withCssVariables={false} and withGlobalClasses={false}, and this file (bundled into the
 * ordinary stylesheet after @mantine/core/styles.css) supplies what they would have. Only the variables that
 * differ from Mantine's defaults are emitted, because styles.css already defines the defaults.
 */
function mantineStaticCss(): Plugin {
  return {
    name: 'itd-mantine-static-css',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_VIRTUAL_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_VIRTUAL_ID) return null;
      return renderThemeVariables() + '\n' + renderResponsiveClasses();
    },
  };
}

function renderThemeVariables(): string {
  const ours = defaultCssVariablesResolver(mergeMantineTheme(DEFAULT_THEME, theme));
  const defaults = defaultCssVariablesResolver(DEFAULT_THEME);
  const changed = (
    section: Record<string, string>,
    baseline: Record<string, string>,
  ): Record<string, string> =>
    Object.fromEntries(Object.entries(section).filter(([name, value]) => baseline[name] !== value));
  const diff: ConvertCSSVariablesInput = {
    variables: changed(ours.variables, defaults.variables),
    light: changed(ours.light, defaults.light),
    dark: changed(ours.dark, defaults.dark),
  };
  return convertCssVariables(diff, ':root');
}

/** Same rules as Mantine's MantineClasses component, e.g. `.mantine-hidden-from-sm` above 48em. */
function renderResponsiveClasses(): string {
  const breakpoints = mergeMantineTheme(DEFAULT_THEME, theme).breakpoints;
  return Object.entries(breakpoints)
    .map(([name, value]) => {
      const ems = parseFloat(value);
      return (
        `@media (max-width: ${ems - 0.00625}em) {.mantine-visible-from-${name} {display: none !important;}}\n` +
        `@media (min-width: ${value}) {.mantine-hidden-from-${name} {display: none !important;}}`
      );
    })
    .join('\n');
}

export default defineConfig({
  root: 'src/web',
  plugins: [react(), mantineStaticCss(), precompressAssets(`${repoRoot}dist/web`)],
  resolve: {
    // The web app's `zod` is zod switched to jitless mode first (see src/web/zod-jitless.ts); `zod/v4` is the
    // package itself, which that module re-exports.
    alias: [{ find: /^zod$/, replacement: `${repoRoot}src/web/zod-jitless.ts` }],
  },
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    // Read by the server to hint the visitor's language's messages in index.html (features/web/index-page.ts).
    manifest: true,
    // Never inline small assets as data: URLs into scripts or styles; files are cheaper to cache on slow links.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // React changes far less often than our code: in a chunk of its own, a browser on a slow link keeps it
        // cached across our releases. Other libraries are not grouped: a group is loaded whole by the first page
        // that needs any of it, and the sign-in page must not wait for the tables, forms and dates of the others.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            // The explorer's charts and map, loaded only when its dashboard is opened.
            { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/ },
            {
              name: 'geo',
              test: /[\\/]node_modules[\\/](d3-geo|d3-array|topojson-client|world-atlas|internmap)[\\/]/,
            },
            // What the first page needs, in one file (scripts/vite-shell-chunk.ts).
            {
              name: shellChunk({
                barrels: /[\\/]@mantine[\\/]core[\\/]esm[\\/]index\.mjs$/,
                alsoShell: new RegExp(
                  String.raw`[\\/]@mantine[\\/]core[\\/]esm[\\/](core|utils|components[\\/](${SHELL_COMPONENTS.join('|')}))[\\/]`,
                ),
              }),
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
    },
  },
});
