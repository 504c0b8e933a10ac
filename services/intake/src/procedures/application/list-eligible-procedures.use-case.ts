import type { Catalog } from '@bcci/catalog';
import { toVietnamDate } from '@bcci/kernel';
import { checklistOf, type ChecklistItem } from '../../dossiers/domain/checklist';
import { eligibleProcedures, openPostalPoint } from '../../dossiers/domain/eligibility';
import { legClassOf, selectPostalLeg } from '../../dossiers/domain/postal-leg';
import type { ServiceForm } from '../../dossiers/domain/service-form';
import type { Clock } from '../../dossiers/application/clock';
import { clerkPostalCode } from '../../dossiers/application/dossier-access';
import type { IntakeActor } from '../../dossiers/application/intake-actor';

export interface EligibleProcedureView {
  code: string;
  name: string;
  sector: string;
  agency: { id: string; name: string };
  serviceForms: ServiceForm[];
  checklist: ChecklistItem[];
  fees: { agencyFee: number; feeNote: string | null; postageSend: number | null; postageReturn: number | null };
  timeLimits: {
    /** Working days the agency has from the legal filing time, BCCI column. */
    agencyWorkingDays: number | null;
    /** J+n of the postal leg from this postal point to the agency. */
    postalLeg: { legClass: string; workingDays: number; legalBasis: string } | null;
  };
}

export interface EligibleProceduresView {
  postalCode: string;
  date: string;
  catalogVersion: string;
  sample: boolean;
  procedures: EligibleProcedureView[];
}

/** The procedures a clerk may take in today at their postal point, with everything the counter needs. */
export class ListEligibleProceduresUseCase {
  constructor(
    private readonly catalog: Catalog,
    private readonly clock: Clock,
  ) {}

  execute(actor: IntakeActor): EligibleProceduresView {
    const postalCode = clerkPostalCode(actor);
    const date = toVietnamDate(this.clock.now());
    const snapshot = this.catalog.at(date);
    const point = openPostalPoint(snapshot, postalCode);
    return {
      postalCode,
      date,
      catalogVersion: this.catalog.shortVersion,
      sample: this.catalog.sample,
      procedures: eligibleProcedures(snapshot).map(({ procedure, agency }) => {
        let postalLeg: EligibleProcedureView['timeLimits']['postalLeg'] = null;
        try {
          const leg = selectPostalLeg(snapshot, point, agency);
          postalLeg = { legClass: legClassOf(leg), workingDays: leg.maxWorkingDays, legalBasis: leg.legalBasis };
        } catch {
          // A leg missing from the catalog is reported at registration; the list still shows the procedure.
        }
        return {
          code: procedure.code,
          name: procedure.name,
          sector: procedure.sector,
          agency: { id: agency.id, name: agency.name },
          serviceForms: [...procedure.bcciServiceForms],
          checklist: checklistOf(procedure),
          fees: {
            agencyFee: procedure.fees.agencyFeeVnd,
            feeNote: procedure.fees.feeNote,
            postageSend: procedure.fees.postageSendVnd,
            postageReturn: procedure.fees.postageReturnVnd,
          },
          timeLimits: { agencyWorkingDays: procedure.timeLimits.bcciDays, postalLeg },
        };
      }),
    };
  }
}
