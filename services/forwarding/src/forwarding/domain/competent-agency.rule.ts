import type { Agency, Catalog } from '@bcci/catalog';
import type { LocalDate } from '@bcci/kernel';

/**
 * The agency competent for a procedure on the day of intake (effective-dated, QĐ 45 Đ7 routes the
 * dossier to "cơ quan có thẩm quyền"). Competence is read on the intake date, never on the day the
 * item travels: a driving-licence renewal received on 2025-02-28 belongs to the Department of
 * Transport, one received on 2025-03-01 to the traffic police. We never follow `successorId` here: the
 * successor of an agency id (a reissued code, a merger) is not necessarily the agency that took over a
 * given procedure (licences went to the police, Transport's other work to Construction).
 *
 * Returns undefined when the catalog names no competent agency that day (unknown procedure, gap).
 */
export function competentAgencyOn(catalog: Catalog, procedureCode: string, intakeDate: LocalDate): Agency | undefined {
  return catalog.at(intakeDate).findCompetentAgency(procedureCode);
}
