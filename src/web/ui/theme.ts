/**
 * The Mantine theme: sober, official, light only, system fonts (no external font downloads on slow links).
 *
 * This file is plain data on purpose: vite.config.ts imports it at build time to turn the theme into a static
 * CSS file (see mantineStaticCss in vite.config.ts), because the server's CSP (`style-src 'self'`) forbids the
 * <style> element MantineProvider would otherwise inject at runtime. Keep it free of browser-only code.
 */
import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** A dark teal, readable as white-on-colour (shade 8 against white is about 6.8:1, above WCAG AA). */
const itdTeal: MantineColorsTuple = [
  '#e6f4f5',
  '#cfe6e8',
  '#a1cdd2',
  '#6fb2ba',
  '#479ba5',
  '#2e8c98',
  '#1d8391',
  '#0d717e',
  '#006571',
  '#004f58',
];

export const theme = createTheme({
  primaryColor: 'itdTeal',
  primaryShade: 8,
  colors: { itdTeal },
  defaultRadius: 'sm',
  // Readers who ask their system for less motion get no sliding drawers or collapsing menus.
  respectReducedMotion: true,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Helvetica, Arial, sans-serif',
  headings: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Helvetica, Arial, sans-serif',
  },
});
