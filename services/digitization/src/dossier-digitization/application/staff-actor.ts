import type { Actor } from '@bcci/auth';
import type { StaffActor } from '../domain/digitization.types';

const STAFF_REF = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/**
 * The actor as events name it (contracts: Actor): role and the token's subject, never a person's name.
 * A subject outside the StaffRef alphabet is made to fit rather than producing an invalid event.
 */
export function staffActorOf(actor: Actor): StaffActor {
  const ref = STAFF_REF.test(actor.subject) ? actor.subject : `x${actor.subject.replace(/[^A-Za-z0-9_.:-]/g, '_')}`.slice(0, 64);
  return { role: actor.role === 'operations' ? 'OPERATIONS' : 'DIGITIZATION_OPERATOR', ref };
}
