import type { ComponentCertifiedData, ComponentDigitizedData, DossierDigitizationIncompleteData, DossierDigitizedData } from '@bcci/contracts';
import type { CertificationKind, DocumentDescriptor, ReuseSource, StaffActor } from './digitization.types';
import { documentRef } from './document-ref';
import { completenessOf, componentOf, type ComponentDigitization, type DossierDigitizationState } from './dossier-digitization';
import {
  AlreadyCertifiedError,
  DigitizationIncompleteError,
  DossierNotDigitizableError,
  NoComponentsError,
  NothingMissingError,
  NothingToCertifyError,
} from './dossier-digitization.errors';

export type DigitizationEvent =
  | { readonly type: 'bcci.digitization.component-digitized.v1'; readonly data: ComponentDigitizedData }
  | { readonly type: 'bcci.digitization.component-certified.v1'; readonly data: ComponentCertifiedData }
  | { readonly type: 'bcci.digitization.dossier-digitized.v1'; readonly data: DossierDigitizedData }
  | { readonly type: 'bcci.digitization.dossier-digitization-incomplete.v1'; readonly data: DossierDigitizationIncompleteData };

/** The next state and the events to publish. A decision that changes nothing returns the very state it was given. */
export interface DigitizationDecision {
  readonly state: DossierDigitizationState;
  readonly events: readonly DigitizationEvent[];
}

/** The service's clock reading: every step is dated by it. */
export interface StepContext {
  readonly now: Date;
}

type NonEmpty<T> = [T, ...T[]];

/**
 * A fresh scan of a component. A new scan replaces the previous one (a blurred page is scanned again)
 * and voids its certification; after a close as incomplete it is the missing part arriving, so work
 * resumes. The very document already attached as a scan changes nothing and announces nothing.
 */
export function attachScan(
  state: DossierDigitizationState,
  command: { readonly componentCode: string; readonly document: DocumentDescriptor; readonly actor: StaffActor },
  context: StepContext,
): DigitizationDecision {
  assertWritable(state);
  const component = componentOf(state, command.componentCode);
  if (component.document?.contentHash === command.document.contentHash && !component.reusedFrom) return unchanged(state);
  return digitized(state, { ...freshDocument(component, command.document, command.actor, context.now) });
}

/**
 * An already-digitized document reused instead of a new scan (the citizen's earlier dossier, their data
 * store, the national database), with its source. A document from an authoritative store needs no new
 * certification, nor does a certified component of an earlier dossier. The same document from the same
 * source again changes nothing.
 */
export function attachReused(
  state: DossierDigitizationState,
  command: {
    readonly componentCode: string;
    readonly document: DocumentDescriptor;
    readonly source: ReuseSource;
    /** The source component of an earlier dossier was certified. */
    readonly sourceCertified: boolean;
    readonly actor: StaffActor;
  },
  context: StepContext,
): DigitizationDecision {
  assertWritable(state);
  const component = componentOf(state, command.componentCode);
  const source = command.source;
  if (component.document?.contentHash === command.document.contentHash && component.reusedFrom?.sourceKind === source.sourceKind && component.reusedFrom.sourceRef === source.sourceRef) {
    return unchanged(state);
  }
  return digitized(state, {
    ...freshDocument(component, command.document, command.actor, context.now),
    reusedFrom: source,
    sourceCertified: command.sourceCertified || source.sourceKind !== 'PREVIOUS_DOSSIER',
  });
}

/** The operator certifies that the current electronic copy matches the paper (chứng thực bản sao điện tử): once per document. */
export function certifyComponent(
  state: DossierDigitizationState,
  command: { readonly componentCode: string; readonly kind: CertificationKind; readonly note?: string; readonly actor: StaffActor },
  context: StepContext,
): DigitizationDecision {
  assertWritable(state);
  const component = componentOf(state, command.componentCode);
  if (!component.document) throw new NothingToCertifyError(command.componentCode);
  if (component.certification) throw new AlreadyCertifiedError(command.componentCode);
  const certified: ComponentDigitization = {
    ...component,
    certification: { kind: command.kind, certifiedAt: context.now, certifiedBy: command.actor, ...(command.note === undefined ? {} : { note: command.note }) },
  };
  return {
    state: withComponent(state, certified),
    events: [
      {
        type: 'bcci.digitization.component-certified.v1',
        data: {
          dossierId: state.dossierId,
          componentId: component.componentId,
          componentCode: component.componentCode,
          contentHash: component.document.contentHash,
          certification: command.kind,
          certifiedAt: context.now.toISOString(),
          ...(command.note === undefined ? {} : { note: command.note }),
          actor: { ...command.actor },
        },
      },
    ],
  };
}

/** Closes the digitization as complete (final); refused (422) with the list of what is missing otherwise. */
export function completeDigitization(state: DossierDigitizationState, command: { readonly actor: StaffActor }, context: StepContext): DigitizationDecision {
  assertWritable(state);
  assertHasComponents(state);
  const result = completenessOf(state);
  if (!result.complete) throw new DigitizationIncompleteError(state.dossierId, result.missing);
  return {
    state: { ...state, status: 'DIGITIZED', completedAt: context.now },
    events: [
      {
        type: 'bcci.digitization.dossier-digitized.v1',
        data: {
          dossierId: state.dossierId,
          components: result.flags as NonEmpty<(typeof result.flags)[number]>,
          componentCount: result.flags.length,
          digitizedCount: result.digitizedCount,
          completedAt: context.now.toISOString(),
          site: { kind: state.site.kind, postalCode: state.site.postalCode },
          actor: { ...command.actor },
        },
      },
    ],
  };
}

/**
 * The operator closes the digitization as incomplete, with a reason; refused (422) when nothing is missing.
 * Closing again with the same reason changes nothing and announces nothing: it is the same request sent
 * again (the post office app resends an action whose answer was lost on a bad line).
 */
export function closeDigitizationIncomplete(
  state: DossierDigitizationState,
  command: { readonly reason: string; readonly actor: StaffActor },
  context: StepContext,
): DigitizationDecision {
  if (state.status === 'CLOSED_INCOMPLETE' && state.closedReason === command.reason) return unchanged(state);
  assertWritable(state);
  assertHasComponents(state);
  const result = completenessOf(state);
  if (result.complete) throw new NothingMissingError(state.dossierId);
  return {
    state: { ...state, status: 'CLOSED_INCOMPLETE', closedAt: context.now, closedReason: command.reason },
    events: [
      {
        type: 'bcci.digitization.dossier-digitization-incomplete.v1',
        data: {
          dossierId: state.dossierId,
          components: result.flags as NonEmpty<(typeof result.flags)[number]>,
          missingComponentCodes: [...new Set(result.missing.map((m) => m.componentCode))] as NonEmpty<string>,
          checkedAt: context.now.toISOString(),
          note: command.reason,
          actor: { ...command.actor },
        },
      },
    ],
  };
}

/**
 * The applicant withdrew the dossier at intake: no more digitization (final), whatever its status, even
 * after completion. Intake says so on its own stream; digitization publishes nothing for it. Idempotent.
 */
export function withdrawDigitization(state: DossierDigitizationState): DigitizationDecision {
  if (state.status === 'WITHDRAWN') return unchanged(state);
  return { state: { ...state, status: 'WITHDRAWN' }, events: [] };
}

function freshDocument(component: ComponentDigitization, document: DocumentDescriptor, actor: StaffActor, at: Date): ComponentDigitization {
  // The new document voids whatever the previous one had: its reuse source and its certification.
  const { reusedFrom: _reusedFrom, certification: _certification, ...rest } = component;
  return { ...rest, document, digitizedAt: at, digitizedBy: actor, sourceCertified: false };
}

/** The component now holds a new document: announced by component-digitized; a closed-incomplete dossier reopens. */
function digitized(state: DossierDigitizationState, component: ComponentDigitization): DigitizationDecision {
  const next = withComponent(state, component);
  const document = component.document!;
  return {
    state: next.status === 'CLOSED_INCOMPLETE' ? { ...next, status: 'OPEN' } : next,
    events: [
      {
        type: 'bcci.digitization.component-digitized.v1',
        data: {
          dossierId: state.dossierId,
          componentId: component.componentId,
          componentCode: component.componentCode,
          document: documentRef(document),
          ...(component.reusedFrom ? { reusedFrom: { ...component.reusedFrom } } : {}),
          digitizedAt: component.digitizedAt!.toISOString(),
          site: { kind: state.site.kind, postalCode: state.site.postalCode },
          actor: { ...component.digitizedBy! },
        },
      },
    ],
  };
}

function withComponent(state: DossierDigitizationState, component: ComponentDigitization): DossierDigitizationState {
  return { ...state, components: state.components.map((c) => (c.componentCode === component.componentCode ? component : c)) };
}

function unchanged(state: DossierDigitizationState): DigitizationDecision {
  return { state, events: [] };
}

/** A form-2 dossier (result by post only) handed in no paper: there is nothing of it to digitize. */
function assertHasComponents(state: DossierDigitizationState): void {
  if (state.components.length === 0) throw new NoComponentsError(state.dossierId);
}

/** A digitized dossier is locked; a withdrawn one is not digitized any further (409 `DIGITIZATION_CLOSED`). */
function assertWritable(state: DossierDigitizationState): void {
  if (state.status === 'DIGITIZED' || state.status === 'WITHDRAWN') throw new DossierNotDigitizableError(state.dossierId, state.status);
}
