import { NoPostalLegError, type Catalog } from '@bcci/catalog';
import { toVietnamDate, type LocalDate } from '@bcci/kernel';
import { competentAgencyOn } from './competent-agency.rule';
import { choosePostalLeg } from './postal-leg-class.rule';
import { legDeadline, type LegDeadline } from './postal-leg-deadline.rule';

/** What forwarding needs from a registration to open the leg. */
export interface LegRequest {
  readonly procedureCode: string;
  readonly originPostalCode: string;
  /** J printed on the sending slip. */
  readonly intakeDay: LocalDate;
  readonly registeredAt: Date;
}

export interface PostalLegPlan {
  readonly agencyId: string;
  /** The date competence was read on: the Vietnamese date of the intake. */
  readonly competenceDate: LocalDate;
  readonly originProvinceCode: string | null;
  readonly deadline: LegDeadline;
  readonly catalogVersion: string;
}

export type PlanResult = { readonly ok: true; readonly plan: PostalLegPlan } | { readonly ok: false; readonly reason: string };

/**
 * Plans the leg to the agency: the competent agency on the day of intake, and J + n for the journey
 * from the intake postal point to that agency, with the leg the catalog has in force on J.
 * A registration the catalog cannot place (unknown procedure or postal point, no agency that day) is
 * refused with a reason: retrying will not help, the event goes to the dead letters for a person.
 */
export function planPostalLeg(catalog: Catalog, request: LegRequest): PlanResult {
  const competenceDate = toVietnamDate(request.registeredAt);
  const agency = competentAgencyOn(catalog, request.procedureCode, competenceDate);
  if (!agency) return { ok: false, reason: `no competent agency for procedure ${request.procedureCode} on ${competenceDate}` };

  const day = catalog.at(request.intakeDay);
  const point = day.findPostalPoint(request.originPostalCode) ?? catalog.at(competenceDate).findPostalPoint(request.originPostalCode);
  if (!point) return { ok: false, reason: `postal point ${request.originPostalCode} not in the catalog on ${request.intakeDay}` };
  const snapshot = day.findAdministrativeUnit(point.administrativeUnitCode) ? day : catalog.at(competenceDate);
  let chosen;
  try {
    chosen = choosePostalLeg(snapshot, { originUnitCode: point.administrativeUnitCode, agencyUnitCode: agency.administrativeUnitCode });
  } catch (error) {
    if (error instanceof NoPostalLegError) return { ok: false, reason: error.message };
    throw error;
  }
  const province = snapshot.enclosingUnit(point.administrativeUnitCode, 'province');

  return {
    ok: true,
    plan: {
      agencyId: agency.id,
      competenceDate,
      originProvinceCode: province?.code ?? null,
      deadline: legDeadline(request.intakeDay, chosen.leg, chosen.kind, chosen.legClass),
      catalogVersion: catalog.shortVersion,
    },
  };
}
