/**
 * A page loaded on demand: each page is its own chunk, fetched when the router first needs it, so the sign-in
 * page does not wait for the explorer, the groups or the administration (users on slow links at border posts).
 *
 * `load` is a literal `import('./…')` at the call site, so the build sees every page and names its chunk.
 */
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

type PageModule = Record<string, unknown>;

export function lazyPage<M extends PageModule>(
  load: () => Promise<M>,
  exportName: keyof M & string,
): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const module = await load();
      const Component = module[exportName] as ComponentType | undefined;
      if (!Component) throw new Error(`The page module has no export named ${exportName}`);
      return { Component };
    },
  };
}
