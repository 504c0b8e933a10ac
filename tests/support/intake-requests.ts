import { randomUUID } from 'node:crypto';
import type { Catalog, Procedure } from '@bcci/catalog';
import { systemClock } from '@bcci/kernel';

/** Where intake registers a dossier (the clerk's counter). */
export const REGISTER_DOSSIER_PATH = '/dossiers';

export interface RegisterDossierBody {
  serviceForm: 1 | 2 | 3;
  procedureCode: string;
  applicant: { fullName: string; identityDocument: { kind: 'cccd'; number: string }; phone: string; address: string };
  returnDestination: { deliveryMode: 'HOME' };
  components: Array<{ code: string; kind: 'original' | 'copy'; count: number }>;
  fees: { agencyFee: { amount: number; paymentMethod: 'cash' }; postage: { forwardLeg: number; returnLeg: number; paymentMethod: 'cash' } };
  sealNumber: string;
}

/**
 * A realistic registration at a postal point (form 3: the post carries the dossier and brings the result
 * back) for a procedure of the sample catalog offered there today: every required component of the
 * published checklist in a form the agency accepts, the published fee and postage. `n` varies the
 * applicant so that each request is a different citizen.
 */
export function registerDossierBody(procedure: Procedure, n: number): RegisterDossierBody {
  const serial = String(n % 1_000_000).padStart(6, '0');
  return {
    serviceForm: 3,
    procedureCode: procedure.code,
    applicant: {
      fullName: 'Nguyễn Thị Hoa',
      // 015 = born in Yên Bái, 1 = female born in the 1900s, 85 = 1985 (TT 07/2016 Đ7).
      identityDocument: { kind: 'cccd', number: `015185${serial}` },
      phone: `091${String(n % 10_000_000).padStart(7, '0')}`,
      address: 'Tổ 5, phường Yên Bái, tỉnh Lào Cai',
    },
    returnDestination: { deliveryMode: 'HOME' },
    components: procedure.components.flatMap((component, index) =>
      component.required ? [{ code: `TP${index + 1}`, kind: component.accepts[0], count: component.count }] : [],
    ),
    fees: {
      agencyFee: { amount: procedure.fees.agencyFeeVnd, paymentMethod: 'cash' },
      postage: { forwardLeg: procedure.fees.postageSendVnd ?? 0, returnLeg: procedure.fees.postageReturnVnd ?? 0, paymentMethod: 'cash' },
    },
    sealNumber: `NP-${serial}`,
  };
}

/** The first procedure of the catalog offered today through BCCI with form 3 (send the dossier and get the result back). */
export function bcciProcedureFor(catalog: Catalog, now = systemClock.now()): Procedure {
  const procedure = catalog.at(now).bcciProcedures().find((p) => p.bcciServiceForms.includes(3));
  if (!procedure) throw new Error('the catalog offers no procedure through BCCI today');
  return procedure;
}

export function idempotencyKey(): string {
  return randomUUID();
}
