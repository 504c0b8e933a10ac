import type { Catalog } from '@bcci/catalog';
import { loadConfiguredCatalog } from '@bcci/service-kit';
import { getWorkingCalendar, PUBLIC_ADMINISTRATION_CALENDAR_ID, type LocalDate, type WorkingCalendar } from '@bcci/kernel';

/**
 * What tracking reads from the catalog, always "as it stood on that day" (effective-dated): names for
 * places, the province a postal point or agency stood in (for operations' scope), procedure time limits.
 * Unknown codes answer undefined: an event from a newer catalog must not stop the timeline.
 */
export class ReferenceData {
  /** Due dates computed by tracking use the public administration's working days (agencies and J+n alike). */
  readonly calendar: WorkingCalendar = getWorkingCalendar(PUBLIC_ADMINISTRATION_CALENDAR_ID);

  constructor(private readonly catalog: Catalog) {}

  static load(catalogDir?: string): ReferenceData {
    return new ReferenceData(loadConfiguredCatalog({ catalogDir }));
  }

  get version(): string {
    return this.catalog.version;
  }

  postalPointName(postalCode: string, day: LocalDate): string | undefined {
    return this.catalog.findPostalPoint(postalCode, day)?.name;
  }

  agencyName(agencyId: string, day: LocalDate): string | undefined {
    return this.catalog.findAgency(agencyId, day)?.name;
  }

  procedureName(procedureCode: string, day: LocalDate): string | undefined {
    return this.catalog.findProcedure(procedureCode, day)?.name;
  }

  processingDaysOf(procedureCode: string, day: LocalDate): number | undefined {
    return this.catalog.findProcedure(procedureCode, day)?.timeLimits.bcciDays ?? undefined;
  }

  provinceOfPostalPoint(postalCode: string, day: LocalDate): string | undefined {
    const point = this.catalog.findPostalPoint(postalCode, day);
    return point ? this.provinceOfUnit(point.administrativeUnitCode, day) : undefined;
  }

  provinceOfAgency(agencyId: string, day: LocalDate): string | undefined {
    const unit = this.catalog.findAgency(agencyId, day)?.administrativeUnitCode;
    return unit ? this.provinceOfUnit(unit, day) : undefined;
  }

  private provinceOfUnit(unitCode: string, day: LocalDate): string | undefined {
    try {
      return this.catalog.at(day).enclosingUnit(unitCode, 'province')?.code;
    } catch {
      return undefined;
    }
  }
}
