/**
 * What the counter screens read from the services. The OpenAPI documents leave answers untyped, so these
 * mirror the services' own views: intake's EligibleProceduresView (list-eligible-procedures.use-case.ts)
 * and DossierView (dossier-view.ts), tracking's StoredDossierSummary and DossierTimeline, returns' ReturnView.
 */

export type ServiceForm = 1 | 2 | 3;
export type DocumentForm = 'original' | 'copy';
export type PaymentMethod = 'cash' | 'bank-transfer' | 'e-wallet';
export type DeliveryMode = 'HOME' | 'COUNTER';

export interface ChecklistItem {
  readonly code: string;
  readonly name: string;
  readonly required: boolean;
  readonly accepts: readonly DocumentForm[];
  readonly count: number;
}

export interface EligibleProcedure {
  readonly code: string;
  readonly name: string;
  readonly sector: string;
  readonly agency: { readonly id: string; readonly name: string };
  readonly serviceForms: readonly ServiceForm[];
  readonly checklist: readonly ChecklistItem[];
  readonly fees: { readonly agencyFee: number; readonly feeNote: string | null; readonly postageSend: number | null; readonly postageReturn: number | null };
  readonly timeLimits: {
    readonly agencyWorkingDays: number | null;
    readonly postalLeg: { readonly legClass: string; readonly workingDays: number; readonly legalBasis: string } | null;
  };
}

export interface EligibleProcedures {
  readonly postalCode: string;
  readonly date: string;
  readonly catalogVersion: string;
  readonly sample: boolean;
  readonly procedures: readonly EligibleProcedure[];
}

export interface DossierComponentView {
  readonly code: string;
  readonly name: string;
  readonly kind: DocumentForm;
  readonly count: number;
  readonly required: boolean;
  readonly componentId: string;
}

export type WithdrawalReasonCode = 'APPLICANT_REQUEST' | 'DUPLICATE' | 'CLERK_ERROR' | 'OTHER';

/** Intake's DossierView: no personal data in clear, only masked numbers. */
export interface Dossier {
  readonly id: string;
  readonly provisionalDossierId: string;
  readonly dossierCode: string | null;
  readonly postalItemId: string | null;
  readonly postalCode: string;
  readonly serviceForm: ServiceForm;
  readonly serviceFormLabel: string;
  readonly receivingChannel: number;
  readonly procedure: { readonly code: string; readonly name: string };
  readonly agency: { readonly id: string; readonly name: string };
  readonly components: readonly DossierComponentView[];
  readonly fees: {
    readonly agencyFee: number;
    readonly agencyFeePaymentMethod: PaymentMethod | null;
    readonly postage: { readonly forwardLeg: number; readonly returnLeg: number; readonly total: number };
    readonly postagePaymentMethod: PaymentMethod | null;
    readonly total: number;
  };
  readonly sealNumber: string | null;
  readonly intakeDay: string;
  readonly receivedAt: string;
  readonly postalDeadline: { readonly legClass: string; readonly startDay: string; readonly workingDays: number; readonly dueDate: string } | null;
  readonly returnDestination: { readonly deliveryMode: DeliveryMode; readonly postalCode: string } | null;
  readonly applicant: { readonly identityDocumentKind: 'cccd' | 'passport'; readonly identityNumberMasked: string; readonly phoneMasked: string };
  readonly status: 'REGISTERED' | 'WITHDRAWN';
  readonly dispatchedAt: string | null;
  readonly withdrawal: { readonly withdrawnAt: string; readonly reasonCode: WithdrawalReasonCode; readonly reason: string | null } | null;
  readonly clerkRef: string;
  readonly catalogVersion: string;
}

export interface DossierPage {
  readonly items: readonly Dossier[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

/** Tracking's summary of a dossier, folded from its events. nationalStatus 5 = supplement requested. */
export interface TrackedDossier {
  readonly dossierId: string;
  readonly currentStage: string;
  readonly nationalStatus: number | null;
  readonly filedAt: string | null;
  readonly resultIssuedAt: string | null;
  readonly deliveredAt: string | null;
}

export interface TimelineEntry {
  readonly eventType: string;
  readonly eventTime: string;
  readonly stageVi: string;
  readonly nationalStatus: number | null;
  readonly data: Record<string, unknown>;
}

export interface DossierTimeline {
  readonly dossier: TrackedDossier;
  readonly entries: readonly TimelineEntry[];
}

/** Returns' ReturnView (opaque references only). */
export interface ReturnItem {
  readonly dossierId: string;
  readonly status: string;
  readonly deliveryMode: DeliveryMode | null;
  readonly destinationPostalCode: string | null;
  readonly returnedItem: 'RESULT' | 'REFUSAL_SLIP' | null;
  readonly s10ItemId: string | null;
  readonly deadline: { readonly legClass: string; readonly startDay: string; readonly workingDays: number; readonly dueDate: string } | null;
  readonly feesToCollect: number | null;
  readonly documentsToTakeBack: readonly { readonly documentCode: string; readonly title?: string; readonly count: number }[];
  readonly invitations: readonly string[];
}

export interface ReturnList {
  readonly items: readonly ReturnItem[];
  readonly total: number;
}

/** National one-stop status 5 (domain.md §5): the agency asked for a supplement. */
export const SUPPLEMENT_REQUESTED_STATUS = 5;

export const SERVICE_FORM_SHORT: Readonly<Record<ServiceForm, string>> = {
  1: 'Hình thức 1 — Gửi hồ sơ',
  2: 'Hình thức 2 — Nhận kết quả',
  3: 'Hình thức 3 — Gửi hồ sơ và nhận kết quả',
};

export const DOCUMENT_FORM_VI: Readonly<Record<DocumentForm, string>> = { original: 'Bản chính', copy: 'Bản sao' };

export const PAYMENT_METHOD_VI: Readonly<Record<PaymentMethod, string>> = { cash: 'Tiền mặt', 'bank-transfer': 'Chuyển khoản', 'e-wallet': 'Ví điện tử' };
