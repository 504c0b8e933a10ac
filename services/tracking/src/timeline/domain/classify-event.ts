import type { Stage } from './stage';
import { dataObject, dataString, eventName, eventProducer, type TimelineEvent } from './timeline-event';

/** Where an event sits on the journey: the columns of a timeline entry derived from the event. */
export interface EventClassification {
  readonly stage: Stage;
  /** Postal code of the place the event happened, when the event has one (domain.md §4). */
  readonly postalCode?: string;
  /** The agency concerned, when the event names one (a place for agency steps). */
  readonly agencyId?: string;
  readonly actorRole?: string;
  /** National status code 1–10 the event moves the dossier to (envelope `nationalstatus`). */
  readonly nationalStatus?: number;
}

const STAGE_BY_PRODUCER: Readonly<Record<string, Stage>> = {
  intake: 'intake',
  digitization: 'digitization',
  forwarding: 'forwarding',
  'agency-gateway': 'agency',
  returns: 'return',
};

function stringField(object: Record<string, unknown> | undefined, field: string): string | undefined {
  const value = object?.[field];
  return typeof value === 'string' ? value : undefined;
}

function stageOf(event: TimelineEvent): Stage {
  const name = eventName(event.type);
  // The result's digitization happens after the agency decided, on its way back to the citizen:
  // counting it under "digitization" would move the dossier's current stage backwards.
  if (name === 'result-digitized') return 'return';
  // An incident belongs to the leg it happened on.
  if (name === 'incident-recorded') return dataString(event, 'legDirection') === 'TO_AGENCY' ? 'forwarding' : 'return';
  return STAGE_BY_PRODUCER[eventProducer(event.type)] ?? 'agency';
}

/**
 * The postal code where the event physically happened. Only fields that name the place of the act
 * count: a leg's destination or the intake point repeated on a later event is not where that later
 * event happened.
 */
function placeOf(event: TimelineEvent): string | undefined {
  switch (eventName(event.type)) {
    case 'dossier-registered':
      return stringField(dataObject(event, 'intakeSite'), 'postalCode');
    case 'component-digitized':
    case 'dossier-digitized':
    case 'result-digitized':
      return stringField(dataObject(event, 'site'), 'postalCode');
    case 'postal-leg-opened':
      return dataString(event, 'originPostalCode');
    default:
      return dataString(event, 'postalCode');
  }
}

/**
 * Classifications already made, by event object. An event is classified when it is recorded, and again
 * by the summary at every consumer run that touches its dossier, for every event of the dossier's
 * history (which tracking keeps in memory between runs). Events are never changed once parsed.
 */
const classified = new WeakMap<TimelineEvent, EventClassification>();

export function classifyEvent(event: TimelineEvent): EventClassification {
  let classification = classified.get(event);
  if (classification === undefined) {
    classification = classifyAnew(event);
    classified.set(event, classification);
  }
  return classification;
}

function classifyAnew(event: TimelineEvent): EventClassification {
  const actor = dataObject(event, 'actor') ?? dataObject(event, 'postalSigner');
  const postalCode = placeOf(event);
  const agencyId = dataString(event, 'agencyId');
  return {
    stage: stageOf(event),
    ...(postalCode ? { postalCode } : {}),
    ...(agencyId ? { agencyId } : {}),
    ...(typeof actor?.role === 'string' ? { actorRole: actor.role } : {}),
    ...(typeof event.nationalstatus === 'number' ? { nationalStatus: event.nationalstatus } : {}),
  };
}
