import type { ChecklistItem } from '../domain/checklist';

/** The procedure's published checklist and the intake site's province on a given day (reference data). */
export interface ChecklistSource {
  /** Undefined when the catalog has no such procedure on that day. */
  checklistFor(procedureCode: string, day: string): readonly ChecklistItem[] | undefined;
  provinceOfPostalPoint(postalCode: string, day: string): string | undefined;
}

export const CHECKLIST_SOURCE = Symbol('ChecklistSource');
