import type { LocalDate } from '@bcci/kernel';
import { clockStatusOn, type ClockReadingOptions } from './clock-status';
import type { DossierClock, ResponsibleParty } from './dossier-clock';

export interface LatenessAttribution {
  readonly party: ResponsibleParty;
  readonly clockKey: string;
  readonly dueDate?: LocalDate;
  readonly status: 'OVERDUE' | 'LATE';
}

/**
 * A late dossier is attributed to the party whose clock ran out: the post for a J+n leg, the agency for
 * its processing time. Each clock answers for itself, so a dossier late on both sides names both (the
 * post was late getting it there and the agency was late deciding); a clock that met its due date
 * absolves its party even if the dossier as a whole ends late.
 */
export function attributeLateness(clocks: readonly DossierClock[], today: LocalDate, options: ClockReadingOptions): LatenessAttribution[] {
  const late: LatenessAttribution[] = [];
  for (const clock of clocks) {
    const status = clockStatusOn(clock, today, options);
    if (status === 'OVERDUE' || status === 'LATE') {
      late.push({ party: clock.party, clockKey: clock.key, ...(clock.dueDate ? { dueDate: clock.dueDate } : {}), status });
    }
  }
  return late;
}
