import type { DossierComponent } from '../domain/checklist';
import type { DossierStatus, WithdrawalReasonCode } from '../domain/dossier-status';
import type { PaymentMethod } from '../domain/fees';
import type { IdentityDocumentKind } from '../domain/personal-data';
import type { DossierPostalDeadline } from '../domain/postal-deadline';
import { serviceFormLabel, type ServiceForm } from '../domain/service-form';
import type { DossierOrmEntity } from '../persistence/dossier.orm-entity';

/** What list, detail and registration answer: no personal data in clear, only masked numbers. */
export interface DossierView {
  id: string;
  provisionalDossierId: string;
  dossierCode: string | null;
  postalItemId: string | null;
  postalCode: string;
  serviceForm: ServiceForm;
  serviceFormLabel: string;
  receivingChannel: number;
  procedure: { code: string; name: string };
  agency: { id: string; name: string };
  components: DossierComponent[];
  fees: {
    agencyFee: number;
    agencyFeePaymentMethod: PaymentMethod | null;
    postage: { forwardLeg: number; returnLeg: number; total: number };
    postagePaymentMethod: PaymentMethod | null;
    total: number;
  };
  sealNumber: string | null;
  intakeDay: string;
  receivedAt: string;
  postalDeadline: DossierPostalDeadline | null;
  returnDestination: { deliveryMode: 'HOME' | 'COUNTER'; postalCode: string } | null;
  applicant: { identityDocumentKind: IdentityDocumentKind; identityNumberMasked: string; phoneMasked: string };
  status: DossierStatus;
  dispatchedAt: string | null;
  withdrawal: { withdrawnAt: string; reasonCode: WithdrawalReasonCode; reason: string | null } | null;
  clerkRef: string;
  catalogVersion: string;
}

export function toDossierView(d: DossierOrmEntity): DossierView {
  const postageTotal = d.postageForwardLeg + d.postageReturnLeg;
  return {
    id: d.id,
    provisionalDossierId: d.provisionalDossierId,
    dossierCode: d.dossierCode,
    postalItemId: d.postalItemId,
    postalCode: d.postalCode,
    serviceForm: d.serviceForm,
    serviceFormLabel: serviceFormLabel(d.serviceForm),
    receivingChannel: d.receivingChannel,
    procedure: { code: d.procedureCode, name: d.procedureName },
    agency: { id: d.agencyId, name: d.agencyName },
    components: d.components,
    fees: {
      agencyFee: d.agencyFee,
      agencyFeePaymentMethod: d.agencyFeePaymentMethod,
      postage: { forwardLeg: d.postageForwardLeg, returnLeg: d.postageReturnLeg, total: postageTotal },
      postagePaymentMethod: d.postagePaymentMethod,
      total: d.agencyFee + postageTotal,
    },
    sealNumber: d.sealNumber,
    intakeDay: d.intakeDay,
    receivedAt: d.receivedAt.toISOString(),
    postalDeadline: d.postalDeadline,
    returnDestination: d.returnDeliveryMode && d.returnPostalCode ? { deliveryMode: d.returnDeliveryMode, postalCode: d.returnPostalCode } : null,
    applicant: { identityDocumentKind: d.identityDocumentKind, identityNumberMasked: d.identityNumberMasked, phoneMasked: d.phoneMasked },
    status: d.status,
    dispatchedAt: d.dispatchedAt?.toISOString() ?? null,
    withdrawal:
      d.withdrawnAt && d.withdrawalReasonCode
        ? { withdrawnAt: d.withdrawnAt.toISOString(), reasonCode: d.withdrawalReasonCode, reason: d.withdrawalReason }
        : null,
    clerkRef: d.clerkRef,
    catalogVersion: d.catalogVersion,
  };
}
