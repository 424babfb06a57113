/** The mapping profiles offered to the caller: its Party's own and the shared ones (row-level security decides). */
import type { Actor } from '../../../../shared/actor.ts';
import type { MappingProfileView } from '../../../../shared/imports.contract.ts';
import { withActor } from '../../../db/with-actor.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { READS_ONLY, type ImportsDeps } from '../imports-deps.ts';
import { assertMayImport } from '../imports.policy.ts';
import { listProfiles } from './mapping-profiles.repo.ts';

export async function listMappingProfiles(
  deps: ImportsDeps,
  actor: Actor,
  _request: RequestContext,
): Promise<{ items: MappingProfileView[] }> {
  // Security: only people who may import see how files are mapped (403 before any lookup).
  assertMayImport(actor);
  return withActor(
    deps.db,
    actor,
    async (tx) => ({
      items: (await listProfiles(tx)).map((p) => ({
        name: p.name,
        party: p.party,
        description: p.description,
        headers: [...p.signature],
        isExact: p.isExact === true,
      })),
    }),
    READS_ONLY,
  );
}
