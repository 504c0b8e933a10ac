import type { ResolvedComponent } from './checklist';
import type {
  Certification,
  CertificationKind,
  DigitizationSite,
  DigitizationStatus,
  DocumentDescriptor,
  ReuseSource,
  StaffActor,
} from './digitization.types';
import {
  AlreadyCertifiedError,
  DigitizationIncompleteError,
  DossierNotDigitizableError,
  NothingMissingError,
  NothingToCertifyError,
  NoComponentsError,
  UnknownComponentError,
  type MissingComponent,
} from './dossier-digitization.errors';

export interface ComponentDigitization {
  readonly componentId: string;
  readonly componentCode: string;
  readonly title: string;
  readonly position: number;
  readonly originals: number;
  readonly copies: number;
  readonly required: boolean;
  readonly certificationRequired: boolean;
  document?: DocumentDescriptor;
  digitizedAt?: Date;
  digitizedBy?: StaffActor;
  reusedFrom?: ReuseSource;
  /**
   * The reused document needs no new certification: it comes from an authoritative store (national
   * database, the citizen's data store) or from a certified component of an earlier dossier.
   */
  sourceCertified: boolean;
  certification?: Certification;
}

export interface DossierDigitizationState {
  readonly dossierId: string;
  readonly provisionalDossierId: string;
  readonly procedureCode: string;
  readonly intakeDay: string;
  readonly catalogVersion: string;
  readonly site: DigitizationSite;
  /** Province of the intake site: lets operations of that province act on the dossier. */
  readonly provinceCode?: string;
  /** The postal point that returns the result (forms 2 and 3): its operators may digitize the result. */
  readonly returnPostalCode?: string;
  readonly registeredAt: Date;
  /** Correlation id of the registration event: events of this dossier continue its chain. */
  readonly correlationId?: string;
  status: DigitizationStatus;
  completedAt?: Date;
  closedAt?: Date;
  closedReason?: string;
  readonly components: ComponentDigitization[];
}

/** contracts: ComponentDigitizationFlags. */
export interface ComponentFlags {
  readonly componentId: string;
  readonly componentCode: string;
  readonly required: boolean;
  readonly digitized: boolean;
  readonly certified: boolean;
  readonly certificationRequired: boolean;
  readonly reused: boolean;
  readonly contentHash?: string;
}

export interface Completeness {
  readonly complete: boolean;
  readonly flags: ComponentFlags[];
  readonly missing: MissingComponent[];
  readonly digitizedCount: number;
}

export interface RegisterDossierInput {
  readonly dossierId: string;
  readonly provisionalDossierId: string;
  readonly procedureCode: string;
  readonly intakeDay: string;
  readonly catalogVersion: string;
  readonly site: DigitizationSite;
  readonly provinceCode?: string;
  readonly returnPostalCode?: string;
  readonly registeredAt: Date;
  readonly correlationId?: string;
  readonly components: readonly ResolvedComponent[];
}

/**
 * The digitization of one dossier: per component, its current scan (or reused document) and the
 * operator's certification; the completeness rule against the checklist of the intake day.
 */
export class DossierDigitization {
  constructor(readonly state: DossierDigitizationState) {}

  static register(input: RegisterDossierInput): DossierDigitization {
    return new DossierDigitization({
      dossierId: input.dossierId,
      provisionalDossierId: input.provisionalDossierId,
      procedureCode: input.procedureCode,
      intakeDay: input.intakeDay,
      catalogVersion: input.catalogVersion,
      site: input.site,
      ...(input.provinceCode === undefined ? {} : { provinceCode: input.provinceCode }),
      ...(input.returnPostalCode === undefined ? {} : { returnPostalCode: input.returnPostalCode }),
      registeredAt: input.registeredAt,
      ...(input.correlationId === undefined ? {} : { correlationId: input.correlationId }),
      status: 'OPEN',
      components: input.components.map((c, position) => ({
        componentId: c.componentId,
        componentCode: c.componentCode,
        title: c.title,
        position,
        originals: c.originals,
        copies: c.copies,
        required: c.required,
        certificationRequired: c.certificationRequired,
        sourceCertified: false,
      })),
    });
  }

  get dossierId(): string {
    return this.state.dossierId;
  }

  component(componentCode: string): ComponentDigitization {
    const found = this.state.components.find((c) => c.componentCode === componentCode);
    if (!found) throw new UnknownComponentError(this.state.dossierId, componentCode);
    return found;
  }

  /**
   * Attaches a fresh scan to a component. A new scan replaces the previous one (a blurred page is
   * scanned again) and voids its certification. Returns false when it is the very document already
   * attached as a scan: nothing changes and nothing is announced.
   */
  attachScan(componentCode: string, document: DocumentDescriptor, actor: StaffActor, at: Date): boolean {
    this.assertWritable();
    const component = this.component(componentCode);
    if (component.document?.contentHash === document.contentHash && !component.reusedFrom) return false;
    this.replaceDocument(component, document, actor, at);
    return true;
  }

  /** Records an already-digitized document reused with its source, instead of a new scan. */
  attachReused(
    componentCode: string,
    document: DocumentDescriptor,
    source: ReuseSource,
    sourceCertified: boolean,
    actor: StaffActor,
    at: Date,
  ): boolean {
    this.assertWritable();
    const component = this.component(componentCode);
    if (
      component.document?.contentHash === document.contentHash &&
      component.reusedFrom?.sourceKind === source.sourceKind &&
      component.reusedFrom.sourceRef === source.sourceRef
    ) {
      return false;
    }
    this.replaceDocument(component, document, actor, at);
    component.reusedFrom = source;
    component.sourceCertified = sourceCertified || source.sourceKind !== 'PREVIOUS_DOSSIER';
    return true;
  }

  /** The operator certifies that the current electronic copy matches the paper (chứng thực bản sao điện tử). */
  certify(componentCode: string, kind: CertificationKind, actor: StaffActor, at: Date, note?: string): ComponentDigitization {
    this.assertWritable();
    const component = this.component(componentCode);
    if (!component.document) throw new NothingToCertifyError(componentCode);
    if (component.certification) throw new AlreadyCertifiedError(componentCode);
    component.certification = { kind, certifiedAt: at, certifiedBy: actor, ...(note === undefined ? {} : { note }) };
    return component;
  }

  /**
   * Completeness rule: every required component has a document, and every one whose copy must be
   * certified is certified (or reused from a source that needs none). Optional components never block.
   */
  completeness(): Completeness {
    const flags = this.state.components.map((c) => flagsOf(c));
    const missing: MissingComponent[] = [];
    for (const component of this.state.components) {
      if (!component.required) continue;
      if (!component.document) missing.push({ componentCode: component.componentCode, title: component.title, missing: 'SCAN' });
      else if (needsCertification(component)) {
        missing.push({ componentCode: component.componentCode, title: component.title, missing: 'CERTIFICATION' });
      }
    }
    return { complete: missing.length === 0, flags, missing, digitizedCount: flags.filter((f) => f.digitized).length };
  }

  /** Closes the digitization as complete; refused (422) with the list of what is missing otherwise. */
  complete(at: Date): Completeness {
    this.assertWritable();
    this.assertHasComponents();
    const result = this.completeness();
    if (!result.complete) throw new DigitizationIncompleteError(this.state.dossierId, result.missing);
    this.state.status = 'DIGITIZED';
    this.state.completedAt = at;
    return result;
  }

  /** The operator closes the digitization as incomplete, with a reason; refused when nothing is missing. */
  closeIncomplete(reason: string, at: Date): Completeness {
    this.assertWritable();
    this.assertHasComponents();
    const result = this.completeness();
    if (result.complete) throw new NothingMissingError(this.state.dossierId);
    this.state.status = 'CLOSED_INCOMPLETE';
    this.state.closedAt = at;
    this.state.closedReason = reason;
    return result;
  }

  /** The applicant withdrew the dossier at intake: no more digitization. Idempotent. */
  withdraw(): boolean {
    if (this.state.status === 'WITHDRAWN') return false;
    this.state.status = 'WITHDRAWN';
    return true;
  }

  private replaceDocument(component: ComponentDigitization, document: DocumentDescriptor, actor: StaffActor, at: Date): void {
    component.document = document;
    component.digitizedAt = at;
    component.digitizedBy = actor;
    component.reusedFrom = undefined;
    component.sourceCertified = false;
    component.certification = undefined;
    // A new document after closing as incomplete is the missing part arriving: work resumes.
    if (this.state.status === 'CLOSED_INCOMPLETE') this.state.status = 'OPEN';
  }

  /** A form-2 dossier (result by post only) handed in no paper: there is nothing of it to digitize. */
  private assertHasComponents(): void {
    if (this.state.components.length === 0) throw new NoComponentsError(this.state.dossierId);
  }

  private assertWritable(): void {
    if (this.state.status === 'DIGITIZED' || this.state.status === 'WITHDRAWN') {
      throw new DossierNotDigitizableError(this.state.dossierId, this.state.status);
    }
  }
}

function isCertified(component: ComponentDigitization): boolean {
  return component.certification !== undefined || (component.reusedFrom !== undefined && component.sourceCertified);
}

function needsCertification(component: ComponentDigitization): boolean {
  return component.certificationRequired && !isCertified(component);
}

export function flagsOf(component: ComponentDigitization): ComponentFlags {
  return {
    componentId: component.componentId,
    componentCode: component.componentCode,
    required: component.required,
    digitized: component.document !== undefined,
    certified: component.document !== undefined && isCertified(component),
    certificationRequired: component.certificationRequired,
    reused: component.reusedFrom !== undefined,
    ...(component.document ? { contentHash: component.document.contentHash } : {}),
  };
}
