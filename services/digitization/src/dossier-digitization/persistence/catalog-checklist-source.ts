import type { Catalog } from '@bcci/catalog';
import type { ChecklistSource } from '../application/checklist-source.port';
import type { ChecklistItem } from '../domain/checklist';

/** ChecklistSource over @bcci/catalog, effective-dated: the checklist in force on the intake day. */
export class CatalogChecklistSource implements ChecklistSource {
  constructor(private readonly catalog: Catalog) {}

  checklistFor(procedureCode: string, day: string): readonly ChecklistItem[] | undefined {
    return this.catalog.at(day).findProcedure(procedureCode)?.components;
  }

  provinceOfPostalPoint(postalCode: string, day: string): string | undefined {
    const snapshot = this.catalog.at(day);
    const point = snapshot.findPostalPoint(postalCode);
    return point ? snapshot.enclosingUnit(point.administrativeUnitCode, 'province')?.code : undefined;
  }
}
