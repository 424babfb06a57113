/**
 * Names the "shell" chunk of the web build: the modules the entry imports statically, i.e. what a visitor needs
 * before the first page can be used (the frame, the sign-in pages, their libraries). Modules reached only through
 * a page loaded on demand are left to the bundler's default splitting, so they come with that page.
 *
 * Why not a plain vendor group: a group is downloaded whole by the first page that needs any of it, so a library
 * shared by two signed-in pages would be in the sign-in page's download too; and splitting by usage alone gives
 * dozens of small files, each a round trip (300 ms on the links we design for).
 *
 * Barrels: a component library's index re-exports every component, so "the entry imports the index" says nothing
 * about which components it uses. Walking up from a module, a barrel is not followed; instead the caller names
 * the library modules the shell's pages use (`alsoShell`). One it forgets still works: it arrives as a small
 * chunk of its own, which the slow-link browser test would show.
 */
import type { Rolldown } from 'vite';

export interface ShellChunkOptions {
  /** Module ids of re-exporting indexes not to walk through. */
  barrels: RegExp;
  /** Library modules that belong to the shell although only a barrel leads to them. */
  alsoShell: RegExp;
}

export function shellChunk(
  options: ShellChunkOptions,
): (moduleId: string, context: Rolldown.ChunkingContext) => string | null {
  let memo = new Map<string, boolean>();
  let memoFor: Rolldown.ChunkingContext | undefined;

  function inShell(id: string, context: Rolldown.ChunkingContext, visiting: Set<string>): boolean {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return false;
    visiting.add(id);
    const info = context.getModuleInfo(id);
    const result =
      info !== null &&
      (info.isEntry ||
        options.alsoShell.test(id) ||
        info.importers.some(
          (importer) => !options.barrels.test(importer) && inShell(importer, context, visiting),
        ));
    visiting.delete(id);
    // Only a settled answer is remembered: "no" while a cycle was open may become "yes" by another path.
    if (result || visiting.size === 0) memo.set(id, result);
    return result;
  }

  return (moduleId, context) => {
    if (context !== memoFor) {
      memo = new Map();
      memoFor = context;
    }
    const info = context.getModuleInfo(moduleId);
    if (!info || info.isEntry || options.barrels.test(moduleId)) return null;
    return inShell(moduleId, context, new Set()) ? 'shell' : null;
  };
}
