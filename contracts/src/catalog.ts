import { NationalStatus, type NationalStatusValue } from './envelope';
import { EVENT_ROUTES, EventType, type EventDataMap, type EventTypeName } from './generated/event-types';
import { dataSchemaUriFor } from './schemas';
import { TOPICS, deadLetterTopicFor } from './topics';

export interface EventDescriptor {
  type: EventTypeName;
  producer: string;
  /** Event name without producer and version, e.g. `dossier-registered`. */
  name: string;
  /** Major version (a breaking change is a new major: new type, new schema, new topic). */
  version: number;
  /** CloudEvents `source`: `/bcci/<producer>`. */
  source: string;
  /** CloudEvents `dataschema`: `$id` of the data schema. */
  dataschema: string;
  /** Path of the data schema, relative to `contracts/`. */
  schemaPath: string;
  topic: string;
  deadLetterTopic: string;
  /** Also published on the per-agency topic `bcci.agency-gateway.agency.<agencyId>.v1`. */
  alsoOnAgencyTopic: boolean;
  /** Field of `data` that is the Kafka key and the CloudEvents `subject`. */
  keyField: 'dossierId' | 'importId';
  /** National status codes (1–10) the event may carry; empty when it changes no national status. */
  nationalStatuses: readonly NationalStatusValue[];
}

interface StatusRule<T extends EventTypeName> {
  /** Every status the event may carry. */
  statuses: readonly NationalStatusValue[];
  /** The status for this data, when the event may carry more than one. */
  of?: (data: EventDataMap[T]) => NationalStatusValue;
}

const fixed = (status: NationalStatusValue): { statuses: readonly NationalStatusValue[] } => ({ statuses: [status] });

/**
 * National status each event moves a dossier to (domain.md §5), for the agencies' systems.
 * Events absent from this table change no national status and carry no `nationalstatus`.
 */
const NATIONAL_STATUS_RULES: { [T in EventTypeName]?: StatusRule<T> } = {
  [EventType.DossierRegistered]: fixed(NationalStatus.NewlyRegistered),
  [EventType.DossierWithdrawn]: fixed(NationalStatus.WithdrawnByApplicant),
  [EventType.DossierPublishedToAgency]: fixed(NationalStatus.NewlyRegistered),
  [EventType.HandoverAcknowledged]: fixed(NationalStatus.Received),
  [EventType.HandoverRecordSigned]: fixed(NationalStatus.Received),
  [EventType.SupplementRequested]: fixed(NationalStatus.SupplementRequested),
  [EventType.SupplementCompleted]: fixed(NationalStatus.Processing),
  [EventType.ProcessingRescheduled]: fixed(NationalStatus.Processing),
  [EventType.DossierRejected]: {
    statuses: [NationalStatus.NotReceived, NationalStatus.ProcessingStopped],
    of: (data) => (data.stage === 'AT_RECEPTION' ? NationalStatus.NotReceived : NationalStatus.ProcessingStopped),
  },
  [EventType.ResultIssued]: {
    statuses: [NationalStatus.FinancialObligationRequested, NationalStatus.Resolved],
    of: (data) => (data.feesOwed > 0 ? NationalStatus.FinancialObligationRequested : NationalStatus.Resolved),
  },
  [EventType.ResultDelivered]: fixed(NationalStatus.ResultReturned),
};

/** The national status an event of this type and data must carry, or undefined if none. */
export function nationalStatusFor<T extends EventTypeName>(type: T, data: EventDataMap[T]): NationalStatusValue | undefined {
  const rule = NATIONAL_STATUS_RULES[type] as StatusRule<T> | undefined;
  if (!rule) return undefined;
  return rule.of ? rule.of(data) : rule.statuses[0];
}

function describe(type: EventTypeName): EventDescriptor {
  const route = EVENT_ROUTES[type];
  const [, , name, version] = type.split('.');
  const dataschema = dataSchemaUriFor(type);
  const topic = TOPICS.find((t) => t.name === route.topic);
  const rule = NATIONAL_STATUS_RULES[type] as StatusRule<EventTypeName> | undefined;
  return {
    type,
    producer: route.producer,
    name,
    version: Number(version.slice(1)),
    source: `/bcci/${route.producer}`,
    dataschema,
    schemaPath: `schemas/${route.producer}/${name}.${version}.schema.json`,
    topic: route.topic,
    deadLetterTopic: deadLetterTopicFor(route.topic),
    alsoOnAgencyTopic: route.alsoOnAgencyTopic,
    keyField: topic?.key === 'importId' ? 'importId' : 'dossierId',
    nationalStatuses: rule?.statuses ?? [],
  };
}

/** Every event type with its producer, topic, schema and national statuses. */
export const EVENT_CATALOG: readonly EventDescriptor[] = (Object.values(EventType) as EventTypeName[]).map(describe);

/** Every event type name. */
export const EVENT_TYPES: readonly EventTypeName[] = EVENT_CATALOG.map((d) => d.type);

export function isEventType(value: unknown): value is EventTypeName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVENT_ROUTES, value);
}

export function findEventDescriptor(type: string): EventDescriptor | undefined {
  return EVENT_CATALOG.find((d) => d.type === type);
}

export function getEventDescriptor(type: string): EventDescriptor {
  const found = findEventDescriptor(type);
  if (!found) throw new Error(`unknown event type ${type}`);
  return found;
}

/** Event types produced by a service (`intake`, `digitization`, …). */
export function eventTypesOf(producer: string): EventTypeName[] {
  return EVENT_CATALOG.filter((d) => d.producer === producer).map((d) => d.type);
}
