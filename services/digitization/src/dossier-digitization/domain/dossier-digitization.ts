import type { ResolvedComponent } from './checklist';
import type { Certification, DigitizationSite, DigitizationStatus, DocumentDescriptor, ReuseSource, StaffActor } from './digitization.types';
import { UnknownComponentError, type MissingComponent } from './dossier-digitization.errors';

export interface ComponentDigitization {
  readonly componentId: string;
  readonly componentCode: string;
  readonly title: string;
  readonly position: number;
  readonly originals: number;
  readonly copies: number;
  readonly required: boolean;
  readonly certificationRequired: boolean;
  readonly document?: DocumentDescriptor;
  readonly digitizedAt?: Date;
  readonly digitizedBy?: StaffActor;
  readonly reusedFrom?: ReuseSource;
  /**
   * The reused document needs no new certification: it comes from an authoritative store (national
   * database, the citizen's data store) or from a certified component of an earlier dossier.
   */
  readonly sourceCertified: boolean;
  readonly certification?: Certification;
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
  readonly status: DigitizationStatus;
  readonly completedAt?: Date;
  readonly closedAt?: Date;
  readonly closedReason?: string;
  readonly components: readonly ComponentDigitization[];
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
 * The digitization of one dossier, registered from intake's dossier-registered: its components as
 * judged against the procedure's checklist of the intake day, none digitized yet.
 */
export function registerDigitization(input: RegisterDossierInput): DossierDigitizationState {
  return {
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
  };
}

/** The component with that code (404 `COMPONENT_UNKNOWN` when the dossier has none). */
export function componentOf(state: DossierDigitizationState, componentCode: string): ComponentDigitization {
  const found = state.components.find((c) => c.componentCode === componentCode);
  if (!found) throw new UnknownComponentError(state.dossierId, componentCode);
  return found;
}

/**
 * Completeness rule: every required component has a document, and every one whose copy must be
 * certified is certified (or reused from a source that needs none). Optional components never block.
 */
export function completenessOf(state: DossierDigitizationState): Completeness {
  const flags = state.components.map((c) => flagsOf(c));
  const missing: MissingComponent[] = [];
  for (const component of state.components) {
    if (!component.required) continue;
    if (!component.document) missing.push({ componentCode: component.componentCode, title: component.title, missing: 'SCAN' });
    else if (needsCertification(component)) {
      missing.push({ componentCode: component.componentCode, title: component.title, missing: 'CERTIFICATION' });
    }
  }
  return { complete: missing.length === 0, flags, missing, digitizedCount: flags.filter((f) => f.digitized).length };
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
