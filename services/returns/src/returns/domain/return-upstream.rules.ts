import type { Catalog } from '@bcci/catalog';
import type { DocumentToTakeBack } from '@bcci/contracts';
import type { ReturnDecision, ReturnState } from './return';
import { returnItemId } from './return-item-id.rule';
import { returnLegDeadline, type ReturnLegDeadline } from './return-leg-deadline.rule';
import { returnsByPost, type DeliveryMode, type ReturnedItem, type ServiceForm } from './return-status';

/** What the registration tells returns: the service form and where the result goes. */
export interface RegistrationFact {
  readonly dossierId: string;
  readonly serviceForm: ServiceForm;
  readonly recipientRef: string | null;
  /** Forms 2 and 3: home or counter at a postal point, and its province when intake named it. */
  readonly destination: { readonly deliveryMode: DeliveryMode; readonly postalCode: string; readonly provinceCode?: string } | null;
  readonly registeredAt: Date;
  /** The registration's chain id: the chain starts there, so every later event of the return carries it. */
  readonly correlationId: string;
}

/** What the agency decided: a result to return, or the refusal slip that goes back like one. */
export interface AgencyOutcomeFact {
  readonly dossierId: string;
  readonly returnedItem: ReturnedItem;
  readonly resultId: string;
  readonly agencyId: string;
  readonly issuedAt: Date;
  readonly feesOwed: number;
  /** False when the agency hands the result over itself. */
  readonly byPost: boolean;
  readonly documentsToTakeBack: readonly DocumentToTakeBack[];
  /** Used only when the outcome is the first fact known (the registration's chain id wins otherwise). */
  readonly correlationId: string;
}

export interface UpstreamContext {
  readonly now: Date;
  /** Places the agency and the delivering point on the day the result was issued (J + n), and the point in its province. */
  readonly catalog: Catalog;
}

export type UpstreamDecision =
  /** This fact was already recorded for the dossier (the same fact again under a new event id). */
  | { readonly outcome: 'already-known' }
  /** The fact is kept; the return waits for the other one, or does not go by post. */
  | { readonly outcome: 'recorded'; readonly decision: ReturnDecision }
  /** Both facts are known and the result goes back by post: the leg opens once it has an item id (openReturnLeg). */
  | { readonly outcome: 'leg-due'; readonly state: ReturnState; readonly deadline: ReturnLegDeadline };

/** The new leg's identity, which the rules cannot make up: an id and a serial of the delivering point's sequence. */
export interface NewReturnLeg {
  readonly legId: string;
  readonly serviceIndicator: string;
  readonly serial: number;
}

/**
 * The registration arrived. The registration and the agency's outcome come on different streams, in
 * any order: each is kept once, and whichever comes second settles the return.
 */
export function recordRegistration(state: ReturnState | null, fact: RegistrationFact, context: UpstreamContext): UpstreamDecision {
  if (state?.serviceForm) return { outcome: 'already-known' };
  const destination = fact.destination;
  const recorded: ReturnState = {
    ...(state ?? unknownReturn(fact.dossierId, fact.correlationId)),
    status: state?.status ?? (destination ? 'AWAITING_RESULT' : 'NOT_BY_POST'),
    serviceForm: fact.serviceForm,
    recipientRef: fact.recipientRef,
    deliveryMode: destination?.deliveryMode ?? null,
    destinationPostalCode: destination?.postalCode ?? null,
    destinationProvinceCode: destination ? (destination.provinceCode ?? provinceOf(context.catalog, destination.postalCode, fact.registeredAt)) : null,
    correlationId: fact.correlationId,
  };
  return settle(recorded, context);
}

/** The agency's result or refusal slip arrived (see recordRegistration for the order). */
export function recordAgencyOutcome(state: ReturnState | null, fact: AgencyOutcomeFact, context: UpstreamContext): UpstreamDecision {
  if (state?.resultId) return { outcome: 'already-known' };
  const recorded: ReturnState = {
    ...(state ?? unknownReturn(fact.dossierId, fact.correlationId)),
    // A "not by post" learnt from either fact is final.
    status: !fact.byPost ? 'NOT_BY_POST' : state ? state.status : 'AWAITING_REGISTRATION',
    returnedItem: fact.returnedItem,
    resultId: fact.resultId,
    agencyId: fact.agencyId,
    issuedAt: fact.issuedAt,
    feesOwed: fact.feesOwed,
    documentsToTakeBack: fact.documentsToTakeBack,
  };
  return settle(recorded, context);
}

/**
 * Once both facts are known, either the dossier does not return by post (form 1, no destination, or
 * the agency hands the result over itself) or its return leg is due: J + n from the agency to the
 * delivering point, on the day the result was issued. Throws ReturnLegUnplaceableError when the catalog
 * cannot place either end (retrying cannot fix that: a person must).
 */
function settle(state: ReturnState, context: UpstreamContext): UpstreamDecision {
  const registered = state.serviceForm !== null;
  const outcomeKnown = state.resultId !== null;
  if (state.status === 'NOT_BY_POST' || !registered || !outcomeKnown) return recorded(state);
  if (!returnsByPost(state.serviceForm!) || !state.destinationPostalCode || !state.deliveryMode || !state.recipientRef) {
    return recorded({ ...state, status: 'NOT_BY_POST' });
  }
  const deadline = returnLegDeadline(context.catalog, { agencyId: state.agencyId!, destinationPostalCode: state.destinationPostalCode, issuedAt: state.issuedAt! });
  return { outcome: 'leg-due', state, deadline };
}

/**
 * The return leg opens (QĐ 45 Đ8, TT 17 Đ7.2): a new postal item with its own S10 id, J + n, and what
 * the courier will collect (fees still owed, documents the agency wants back). Only for a leg-due state.
 */
export function openReturnLeg(state: ReturnState, deadline: ReturnLegDeadline, leg: NewReturnLeg, context: Pick<UpstreamContext, 'now'>): ReturnDecision {
  const now = context.now;
  const opened: ReturnState = {
    ...state,
    status: 'OPEN',
    legId: leg.legId,
    s10ItemId: returnItemId(leg.serviceIndicator, leg.serial),
    legClass: deadline.legClass,
    startDay: deadline.startDay,
    workingDays: deadline.workingDays,
    dueDate: deadline.dueDate,
    openedAt: now,
  };
  return {
    state: opened,
    events: [
      {
        type: 'bcci.returns.return-leg-opened.v1',
        data: {
          dossierId: opened.dossierId,
          legId: leg.legId,
          resultId: opened.resultId!,
          returnedItem: opened.returnedItem!,
          s10ItemId: opened.s10ItemId!,
          agencyId: opened.agencyId!,
          deliveryMode: opened.deliveryMode!,
          destinationPostalCode: opened.destinationPostalCode!,
          recipientRef: opened.recipientRef!,
          deadline: { legClass: deadline.legClass, startDay: deadline.startDay, workingDays: deadline.workingDays, dueDate: deadline.dueDate },
          feesToCollect: opened.feesOwed ?? 0,
          documentsToTakeBack: opened.documentsToTakeBack.reduce((sum, doc) => sum + doc.count, 0),
          ...(opened.documentsToTakeBack.length > 0 ? { takeBackDocuments: [...opened.documentsToTakeBack] } : {}),
          openedAt: now.toISOString(),
        },
      },
    ],
  };
}

/** The province of the delivering point, for operations' scope (null when the catalog does not know the point). */
function provinceOf(catalog: Catalog, postalCode: string, on: Date): string | null {
  const day = catalog.at(on);
  const point = day.findPostalPoint(postalCode);
  if (!point) return null;
  return day.enclosingUnit(point.administrativeUnitCode, 'province')?.code ?? null;
}

function recorded(state: ReturnState): UpstreamDecision {
  return { outcome: 'recorded', decision: { state, events: [] } };
}

/** A dossier returns has heard nothing about yet. */
function unknownReturn(dossierId: string, correlationId: string): ReturnState {
  return {
    dossierId,
    status: 'AWAITING_REGISTRATION',
    serviceForm: null,
    recipientRef: null,
    deliveryMode: null,
    destinationPostalCode: null,
    destinationProvinceCode: null,
    returnedItem: null,
    resultId: null,
    agencyId: null,
    issuedAt: null,
    feesOwed: null,
    documentsToTakeBack: [],
    legId: null,
    s10ItemId: null,
    legClass: null,
    startDay: null,
    workingDays: null,
    dueDate: null,
    openedAt: null,
    pickedUpAt: null,
    deliveredAt: null,
    returnedAt: null,
    invitations: [],
    lastStepAt: null,
    correlationId,
  };
}
