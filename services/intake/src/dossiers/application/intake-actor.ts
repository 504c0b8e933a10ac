/**
 * Who calls a use case, as the API layer hands it over from the verified token. Kept local so the
 * application layer does not depend on the HTTP/auth stack.
 */
export interface IntakeActor {
  /** Stable business id of the user (token subject), never a name. */
  readonly ref: string;
  readonly role: string;
  /** Postal code for clerks; a province code or null for wider roles. */
  readonly scope: string | null;
  /** Printed on the sending slip as the clerk who took the dossier in. */
  readonly displayName?: string;
}

/** StaffRef pattern of the contracts: keep what is allowed, replace the rest. */
export function staffRefOf(actor: IntakeActor): string {
  const cleaned = actor.ref.replace(/[^A-Za-z0-9_.:-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return (cleaned || 'unknown').slice(0, 64);
}
