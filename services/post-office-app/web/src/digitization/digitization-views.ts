/**
 * What the digitization service answers, as this screen reads it (the OpenAPI document leaves answers
 * untyped). Mirrors services/digitization: application/list-digitization-queue.use-case.ts (GET /queue)
 * and application/digitization-view.ts (GET /dossiers/{id}/digitization and every action's answer).
 */

export type MissingPart = 'SCAN' | 'CERTIFICATION';

export interface MissingComponent {
  readonly componentCode: string;
  readonly title: string;
  readonly missing: MissingPart;
}

export interface QueueComponent {
  readonly componentCode: string;
  readonly title: string;
  readonly required: boolean;
  readonly certificationRequired: boolean;
  readonly digitized: boolean;
  readonly certified: boolean;
  readonly reused: boolean;
}

/** A dossier still to digitize (status OPEN) at this postal point. */
export interface QueueEntry {
  readonly dossierId: string;
  readonly provisionalDossierId: string;
  readonly procedureCode: string;
  readonly intakeDay: string;
  readonly registeredAt: string;
  readonly site: { readonly kind: string; readonly postalCode: string };
  readonly components: readonly QueueComponent[];
  readonly missing: readonly MissingComponent[];
}

export interface DigitizationQueue {
  readonly items: readonly QueueEntry[];
  readonly total: number;
}

export type ScanMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

export interface StoredDocument {
  readonly documentId: string;
  /** `sha256:<64 hex>`: also the document's address, GET /documents/{hash}. */
  readonly contentHash: string;
  readonly mediaType: ScanMediaType;
  readonly sizeBytes: number;
  readonly pageCount?: number;
}

export type ReuseSourceKind = 'PREVIOUS_DOSSIER' | 'CITIZEN_DATA_STORE' | 'NATIONAL_DATABASE';
export type CertificationKind = 'ORIGINAL_SIGHTED' | 'COPY_MATCHES_PAPER';

export interface StaffActor {
  readonly role: string;
  readonly ref: string;
}

export interface DigitizedComponent {
  readonly componentId: string;
  readonly componentCode: string;
  readonly title: string;
  readonly originals: number;
  readonly copies: number;
  readonly required: boolean;
  readonly certificationRequired: boolean;
  readonly digitized: boolean;
  readonly certified: boolean;
  readonly reused: boolean;
  readonly document?: StoredDocument;
  readonly digitizedAt?: string;
  readonly digitizedBy?: StaffActor;
  readonly reusedFrom?: { readonly sourceKind: ReuseSourceKind; readonly sourceRef: string; readonly sourceComponentCode?: string };
  readonly certification?: { readonly kind: CertificationKind; readonly certifiedAt: string; readonly certifiedBy: StaffActor; readonly note?: string };
}

/** OPEN → DIGITIZED (locked) or CLOSED_INCOMPLETE (a new scan reopens it); WITHDRAWN is final. */
export type DigitizationStatus = 'OPEN' | 'DIGITIZED' | 'CLOSED_INCOMPLETE' | 'WITHDRAWN';

export interface DossierDigitization {
  readonly dossierId: string;
  readonly provisionalDossierId: string;
  readonly procedureCode: string;
  readonly intakeDay: string;
  readonly site: { readonly kind: string; readonly postalCode: string };
  readonly status: DigitizationStatus;
  readonly complete: boolean;
  readonly missing: readonly MissingComponent[];
  readonly completedAt?: string;
  readonly closedAt?: string;
  readonly closedReason?: string;
  readonly components: readonly DigitizedComponent[];
}

/** The body of a refusal, as the services' error filter writes it. */
export interface ServiceRefusal {
  readonly code?: string;
  readonly messageVi?: string;
  readonly details?: { readonly missing?: readonly MissingComponent[] };
}
