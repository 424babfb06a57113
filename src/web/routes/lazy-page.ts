/**
 * A page loaded on demand: each page is its own chunk, fetched when the router first needs it, so the sign-in
 * page does not wait for the explorer, the groups or the administration (users on slow links at border posts).
 *
 * `load` is a literal `import('./…')` at the call site, so the build sees every page and names its chunk.
 */
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { loadNamespaces } from '../i18n/i18n.ts';
import type { LazyNamespace } from '../i18n/lazy-namespaces.ts';

type PageModule = Record<string, unknown>;

export function lazyPage<M extends PageModule>(
  load: () => Promise<M>,
  exportName: keyof M & string,
  /** Message namespaces the page uses beyond the shell's, loaded with it. */
  namespaces: readonly LazyNamespace[] = [],
): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const [module] = await Promise.all([load(), loadNamespaces(namespaces)]);
      const Component = module[exportName] as ComponentType | undefined;
      if (!Component) throw new Error(`The page module has no export named ${exportName}`);
      return { Component };
    },
  };
}
