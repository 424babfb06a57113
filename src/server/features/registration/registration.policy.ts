/**
 * Who may see and act on a registration. The queue query and the single-request checks both use
 * these rules; row-level security (migrations/0005) restates them.
 */
import type { Actor } from '../../../shared/actor.ts';
import { can } from '../../../shared/permissions.ts';

export interface RegistrationFacts {
  country: string;
  status: string;
}

export const OPEN_STATUSES = ['pending_review', 'more_info_requested'];

export function canSeeRegistration(actor: Actor, registration: RegistrationFacts): boolean {
  if (can(actor, 'registration.review')) return true;
  return actor.kind === 'user' && can(actor, 'registration.endorse') && actor.party === registration.country;
}

export function registrationAbilities(
  actor: Actor,
  registration: RegistrationFacts,
): ('endorse' | 'decide')[] {
  const isOpen = OPEN_STATUSES.includes(registration.status);
  const abilities: ('endorse' | 'decide')[] = [];
  if (
    isOpen &&
    actor.kind === 'user' &&
    can(actor, 'registration.endorse') &&
    actor.party === registration.country
  ) {
    abilities.push('endorse');
  }
  if (isOpen && can(actor, 'registration.review')) abilities.push('decide');
  return abilities;
}
