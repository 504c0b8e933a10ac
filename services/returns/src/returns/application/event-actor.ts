import type { Actor as RequestActor } from '@bcci/auth';
import type { Actor as EventActor } from '@bcci/contracts';

const STAFF_REF = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** The actor written on events: a contracts role and a business reference (never a name). */
export function eventActorOf(actor: RequestActor): EventActor {
  const role: EventActor['role'] = actor.role === 'courier' ? 'COURIER' : actor.role === 'clerk' ? 'POSTAL_CLERK' : 'OPERATIONS';
  return { role, ref: staffRefOf(actor.subject) };
}

/** A token subject that is not a valid reference is replaced by a stable, non-identifying one. */
export function staffRefOf(subject: string): string {
  if (STAFF_REF.test(subject)) return subject;
  const cleaned = subject.replace(/[^A-Za-z0-9_.:-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 64);
  return cleaned.length > 0 ? cleaned : 'unknown';
}

export const SYSTEM_ACTOR: EventActor = { role: 'SYSTEM', ref: 'returns' };
