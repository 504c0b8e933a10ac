import type { ContentHash } from '../../documents/domain/content-hash';
import type { ScanMediaType } from '../../documents/domain/media-type';

/** Where the dossier was received and is digitized: a postal point or a postal clerk at a one-stop desk. */
export type SiteKind = 'POSTAL_POINT' | 'ONE_STOP_DESK';

export interface DigitizationSite {
  readonly kind: SiteKind;
  readonly postalCode: string;
}

/** OPEN → DIGITIZED (complete, final) or CLOSED_INCOMPLETE (may reopen by a new scan); WITHDRAWN is final. */
export type DigitizationStatus = 'OPEN' | 'DIGITIZED' | 'CLOSED_INCOMPLETE' | 'WITHDRAWN';

/** contracts: component-certified.certification. */
export type CertificationKind = 'ORIGINAL_SIGHTED' | 'COPY_MATCHES_PAPER';

/** contracts: component-digitized.reusedFrom.sourceKind. */
export type ReuseSourceKind = 'PREVIOUS_DOSSIER' | 'CITIZEN_DATA_STORE' | 'NATIONAL_DATABASE';

/** Who acts, as events name them (role + staff ref, never a person's name). */
export interface StaffActor {
  readonly role: 'DIGITIZATION_OPERATOR' | 'OPERATIONS';
  readonly ref: string;
}

/** A stored scan as a dossier refers to it (contracts: DocumentRef). */
export interface DocumentDescriptor {
  readonly documentId: string;
  readonly contentHash: ContentHash;
  readonly mediaType: ScanMediaType;
  readonly sizeBytes: number;
  readonly pageCount?: number;
}

export interface ReuseSource {
  readonly sourceKind: ReuseSourceKind;
  readonly sourceRef: string;
  readonly sourceComponentCode?: string;
}

export interface Certification {
  readonly kind: CertificationKind;
  readonly certifiedAt: Date;
  readonly certifiedBy: StaffActor;
  readonly note?: string;
}
