/** What the group use cases need, passed in explicitly (STYLE §3). */
import type { Actor, UserActor } from '../../../shared/actor.ts';
import { UnauthenticatedError } from '../../errors.ts';
import type { IdentityDeps } from '../identity/index.ts';
import type { FileSealer } from './file-sealing.ts';

export interface GroupsDeps extends IdentityDeps {
  files: FileSealer;
}

/** Groups answer signed-in people only; the routes' `data` level has refused everyone else already. */
export function groupUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  return actor;
}
