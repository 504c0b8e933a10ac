import type { Actor } from '@bcci/auth';

/** Who calls a use case: the Actor proven by the access token. */
export type IntakeActor = Actor;

/** StaffRef pattern of the contracts: keep what is allowed, replace the rest. */
export function staffRefOf(actor: IntakeActor): string {
  const cleaned = actor.subject.replace(/[^A-Za-z0-9_.:-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return (cleaned || 'unknown').slice(0, 64);
}
