/**
 * How an actor is written down beside what it did (report events, staged batches, review fixes): the user's id
 * where a column refers to users, and a label for people reading the history. The platform's own jobs have a label
 * and no id; an anonymous actor has neither.
 */
import type { Actor } from '../../shared/actor.ts';

export const actorIdOf = (actor: Actor): string | null => (actor.kind === 'user' ? actor.userId : null);

export const actorLabelOf = (actor: Actor): string | null =>
  actor.kind === 'anonymous' ? null : actor.label;
