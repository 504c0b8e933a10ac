import type { Catalog } from '@bcci/catalog';
import { findWorkingCalendar, getWorkingCalendar, toVietnamDate, type WorkingCalendar } from '@bcci/kernel';
import type { AgencyDossierState } from '../domain/agency-dossier';
import { noTimeLimit } from '../domain/agency-dossier.errors';
import type { DeadlinePolicy } from '../domain/agency-dossier.rules';

/**
 * The procedure's time limit for the BCCI channel ("dịch vụ bưu chính" column) and the agency's working
 * calendar, both read from the effective-dated catalog on the intake day (or the filing day).
 */
export class DeadlinePolicyResolver {
  constructor(private readonly catalog: Catalog) {}

  policyFor(state: AgencyDossierState, at: Date): DeadlinePolicy {
    const day = state.intakeDay ?? toVietnamDate(at);
    const procedure = state.procedureCode ? this.catalog.findProcedure(state.procedureCode, day) : undefined;
    // A procedure without a BCCI column falls back to the in-person limit (same desk, same work).
    const workingDays = procedure?.timeLimits.bcciDays ?? procedure?.timeLimits.inPersonDays;
    if (workingDays === null || workingDays === undefined) throw noTimeLimit(state.procedureCode ?? 'unknown');
    return { workingDays, calendar: this.calendarOf(state.agencyId, day) };
  }

  calendarOf(agencyId: string | null, day: string): WorkingCalendar {
    const agency = agencyId ? this.catalog.findAgency(agencyId, day) : undefined;
    return (agency && findWorkingCalendar(agency.workingCalendarId)) ?? getWorkingCalendar();
  }
}
