import type { LocalDate } from '@bcci/kernel';
import { dayOf } from './period';

/**
 * What counting knows about one dossier, folded from its events. The fold is order-independent (days
 * are set once, attempts take the maximum, incidents are keyed by id, the agency by the rank of its
 * source), so events of different streams arriving in any order, or a replay, give the same fact.
 */
export interface DossierFact {
  readonly dossierId: string;
  readonly procedureCode: string | null;
  readonly agencyId: string | null;
  /** 1 expected at intake, 2 the forwarding leg's competent agency, 3 the agency that acted (handover, result). */
  readonly agencyRank: number;
  readonly intakePostalCode: string | null;
  readonly intakeDay: LocalDate | null;
  /** National channel of the dossier (1 in person, 2 online, 3 BCCI). */
  readonly receivingChannel: number | null;
  readonly serviceForm: string | null;
  readonly withdrawnDay: LocalDate | null;
  readonly rejectedDay: LocalDate | null;
  readonly resultIssuedDay: LocalDate | null;
  /** Day the result was registered for return by post (intake of form 2/3, or the result's flag). */
  readonly returnByPostDay: LocalDate | null;
  readonly resultMedium: string | null;
  readonly resultDigitized: boolean;
  readonly componentCount: number;
  readonly componentsDigitized: number;
  readonly forwardLegOpenedDay: LocalDate | null;
  readonly forwardHandoverDay: LocalDate | null;
  readonly forwardOnTime: boolean | null;
  readonly returnLegOpenedDay: LocalDate | null;
  readonly returnLegDueDate: LocalDate | null;
  /** What the return leg carries (`returnedItem` of return-leg-opened); null before the leg opens or when it does not say. */
  readonly returnedItem: ReturnedItem | null;
  readonly deliveredDay: LocalDate | null;
  readonly failedAttempts: number;
  readonly returnedToAgencyDay: LocalDate | null;
  readonly incidents: Readonly<Record<string, IncidentFact>>;
}

/** RESULT (kết quả giải quyết) or REFUSAL_SLIP (phiếu từ chối, with the paper dossier given back). */
export type ReturnedItem = 'RESULT' | 'REFUSAL_SLIP';

export interface IncidentFact {
  readonly kind: 'LOSS' | 'DAMAGE';
  readonly day: LocalDate;
  readonly compensationVnd: number;
}

/** The envelope fields the fold reads; a live event and a replayed timeline entry both fit. */
export interface CountedEvent {
  readonly id: string;
  readonly type: string;
  readonly time: string;
  readonly subject?: string;
  readonly data: Record<string, unknown>;
}

export function emptyFact(dossierId: string): DossierFact {
  return {
    dossierId,
    procedureCode: null,
    agencyId: null,
    agencyRank: 0,
    intakePostalCode: null,
    intakeDay: null,
    receivingChannel: null,
    serviceForm: null,
    withdrawnDay: null,
    rejectedDay: null,
    resultIssuedDay: null,
    returnByPostDay: null,
    resultMedium: null,
    resultDigitized: false,
    componentCount: 0,
    componentsDigitized: 0,
    forwardLegOpenedDay: null,
    forwardHandoverDay: null,
    forwardOnTime: null,
    returnLegOpenedDay: null,
    returnLegDueDate: null,
    returnedItem: null,
    deliveredDay: null,
    failedAttempts: 0,
    returnedToAgencyDay: null,
    incidents: {},
  };
}

/** Event types counting folds; the others (scans, notices, certifications…) move no figure. */
export const COUNTED_EVENT_TYPES = [
  'bcci.intake.dossier-registered.v1',
  'bcci.intake.dossier-withdrawn.v1',
  'bcci.digitization.dossier-digitized.v1',
  'bcci.digitization.dossier-digitization-incomplete.v1',
  'bcci.digitization.result-digitized.v1',
  'bcci.forwarding.postal-leg-opened.v1',
  'bcci.forwarding.handover-record-signed.v1',
  'bcci.agency-gateway.dossier-rejected.v1',
  'bcci.agency-gateway.result-issued.v1',
  'bcci.returns.return-leg-opened.v1',
  'bcci.returns.delivery-attempted.v1',
  'bcci.returns.result-delivered.v1',
  'bcci.returns.result-returned-to-agency.v1',
  'bcci.returns.incident-recorded.v1',
] as const;

const RECEIVES_RESULT_BY_POST = new Set(['RECEIVE_RESULT', 'SEND_AND_RECEIVE']);

function str(data: Record<string, unknown>, field: string): string | undefined {
  const value = data[field];
  return typeof value === 'string' ? value : undefined;
}

function num(data: Record<string, unknown>, field: string): number | undefined {
  const value = data[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function obj(data: Record<string, unknown>, field: string): Record<string, unknown> | undefined {
  const value = data[field];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function returnedItemOf(data: Record<string, unknown>): ReturnedItem | undefined {
  const item = str(data, 'returnedItem');
  return item === 'RESULT' || item === 'REFUSAL_SLIP' ? item : undefined;
}

function dayFrom(data: Record<string, unknown>, field: string, fallback: string): LocalDate {
  return dayOf(str(data, field) ?? fallback);
}

/** The earlier of two days (a day set by two events keeps the first one, whatever the arrival order). */
function firstDay(current: LocalDate | null, candidate: LocalDate | null | undefined): LocalDate | null {
  if (!candidate) return current;
  return current === null || candidate < current ? candidate : current;
}

function withAgency(fact: DossierFact, agencyId: string | undefined, rank: number): Partial<DossierFact> {
  if (!agencyId || rank < fact.agencyRank) return {};
  // Equal rank: keep the smaller id so two orders of arrival agree.
  if (rank === fact.agencyRank && fact.agencyId !== null && fact.agencyId <= agencyId) return {};
  return { agencyId, agencyRank: rank };
}

function digitizationCounts(data: Record<string, unknown>): { total: number; digitized: number } {
  const components = Array.isArray(data.components) ? (data.components as Record<string, unknown>[]) : [];
  const total = num(data, 'componentCount') ?? components.length;
  const digitized = num(data, 'digitizedCount') ?? components.filter((component) => component.digitized === true).length;
  return { total, digitized };
}

/** Folds one event into the fact (pure). Unknown types return the fact unchanged. */
export function foldEvent(fact: DossierFact, event: CountedEvent): DossierFact {
  const data = event.data;
  switch (event.type) {
    case 'bcci.intake.dossier-registered.v1': {
      const site = obj(data, 'intakeSite');
      const intakeDay = (str(data, 'intakeDay') as LocalDate | undefined) ?? dayOf(event.time);
      const serviceForm = str(data, 'serviceForm') ?? null;
      const components = Array.isArray(data.components) ? data.components.length : 0;
      return {
        ...fact,
        ...withAgency(fact, str(data, 'expectedAgencyId'), 1),
        procedureCode: str(data, 'procedureCode') ?? fact.procedureCode,
        intakePostalCode: str(site ?? {}, 'postalCode') ?? fact.intakePostalCode,
        intakeDay,
        receivingChannel: num(data, 'receivingChannel') ?? fact.receivingChannel,
        serviceForm,
        returnByPostDay: RECEIVES_RESULT_BY_POST.has(serviceForm ?? '') ? firstDay(fact.returnByPostDay, intakeDay) : fact.returnByPostDay,
        componentCount: Math.max(fact.componentCount, components),
      };
    }
    case 'bcci.intake.dossier-withdrawn.v1':
      return { ...fact, withdrawnDay: firstDay(fact.withdrawnDay, dayFrom(data, 'withdrawnAt', event.time)) };
    case 'bcci.digitization.dossier-digitized.v1':
    case 'bcci.digitization.dossier-digitization-incomplete.v1': {
      const { total, digitized } = digitizationCounts(data);
      // A completed digitization after an incomplete one only ever raises the count.
      return { ...fact, componentCount: Math.max(fact.componentCount, total), componentsDigitized: Math.max(fact.componentsDigitized, digitized) };
    }
    case 'bcci.digitization.result-digitized.v1':
      return { ...fact, resultDigitized: true };
    case 'bcci.forwarding.postal-leg-opened.v1':
      return {
        ...fact,
        ...withAgency(fact, str(data, 'agencyId'), 2),
        procedureCode: fact.procedureCode ?? str(data, 'procedureCode') ?? null,
        forwardLegOpenedDay: firstDay(fact.forwardLegOpenedDay, dayFrom(data, 'openedAt', event.time)),
      };
    case 'bcci.forwarding.handover-record-signed.v1':
      return {
        ...fact,
        ...withAgency(fact, str(data, 'agencyId'), 3),
        forwardHandoverDay: firstDay(fact.forwardHandoverDay, dayFrom(data, 'signedAt', event.time)),
        forwardOnTime: data.postalDeadlineMet === true,
      };
    case 'bcci.agency-gateway.dossier-rejected.v1':
      return { ...fact, ...withAgency(fact, str(data, 'agencyId'), 3), rejectedDay: firstDay(fact.rejectedDay, dayFrom(data, 'rejectedAt', event.time)) };
    case 'bcci.agency-gateway.result-issued.v1': {
      const issuedDay = dayFrom(data, 'issuedAt', event.time);
      return {
        ...fact,
        ...withAgency(fact, str(data, 'agencyId'), 3),
        resultIssuedDay: firstDay(fact.resultIssuedDay, issuedDay),
        resultMedium: str(data, 'medium') ?? fact.resultMedium,
        returnByPostDay: data.returnByPost === true ? firstDay(fact.returnByPostDay, issuedDay) : fact.returnByPostDay,
      };
    }
    case 'bcci.returns.return-leg-opened.v1':
      return {
        ...fact,
        returnLegOpenedDay: firstDay(fact.returnLegOpenedDay, dayFrom(data, 'openedAt', event.time)),
        returnLegDueDate: (str(obj(data, 'deadline') ?? {}, 'dueDate') as LocalDate | undefined) ?? fact.returnLegDueDate,
        returnedItem: returnedItemOf(data) ?? fact.returnedItem ?? null,
      };
    case 'bcci.returns.delivery-attempted.v1':
      return { ...fact, failedAttempts: Math.max(fact.failedAttempts, num(data, 'attemptNumber') ?? 1) };
    case 'bcci.returns.result-delivered.v1':
      return { ...fact, deliveredDay: firstDay(fact.deliveredDay, dayFrom(data, 'deliveredAt', event.time)) };
    case 'bcci.returns.result-returned-to-agency.v1':
      return {
        ...fact,
        returnedToAgencyDay: firstDay(fact.returnedToAgencyDay, dayFrom(data, 'returnedAt', event.time)),
        failedAttempts: Math.max(fact.failedAttempts, num(data, 'attempts') ?? 0),
      };
    case 'bcci.returns.incident-recorded.v1': {
      const incidentId = str(data, 'incidentId') ?? event.id;
      const kind = str(data, 'kind') === 'DAMAGE' ? 'DAMAGE' : 'LOSS';
      const incident: IncidentFact = { kind, day: dayFrom(data, 'occurredAt', event.time), compensationVnd: num(data, 'compensation') ?? 0 };
      return { ...fact, incidents: { ...fact.incidents, [incidentId]: incident } };
    }
    default:
      return fact;
  }
}
