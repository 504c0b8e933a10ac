import type { Actor as EventActor, ActorRole } from '@bcci/contracts';

/** A token subject as a StaffRef (`^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$`): events carry no names. */
export function toEventActor(role: ActorRole, subject: string): EventActor {
  const cleaned = subject.replace(/[^A-Za-z0-9_.:-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 64);
  return { role, ref: cleaned || 'unknown' };
}
