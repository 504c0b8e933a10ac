import type { LocalDate } from '@bcci/kernel';
import type { DossierFact } from './dossier-fact';
import { returnedItemOf } from './returned-item';
import type { ScopeKeys } from './scope';
import type { UnitResolver } from './units';

/**
 * The figures one dossier adds to the daily counts. Every metric is a sum over dossiers; the ratio
 * report divides sums. Recomputed from the whole fact after each event and applied as a difference, so
 * the counts always equal "the contributions of every fact", whatever the order of events.
 */
export const METRICS = {
  /** Dossiers received through BCCI (channel 3, a form that sends the dossier), not withdrawn: R2's a. */
  bcciReceived: 'bcci-received',
  /** Results registered for return by post (form 2/3 at intake, or the result's return-by-post flag): R3's a (registered). */
  returnRegistered: 'return-registered',
  /** Results actually delivered by post: R3's a (delivered). Refusal slips are not results. */
  resultDelivered: 'result-delivered',
  /** Refusal slips (phiếu từ chối) of rejected dossiers delivered by post: their own figure, in no ratio. */
  refusalSlipDelivered: 'refusal-slip-delivered',
  /** BCCI dossiers the agency resolved (result issued). */
  resolved: 'resolved',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  components: 'components',
  componentsDigitized: 'components-digitized',
  resultsIssued: 'results-issued',
  resultsDigitized: 'results-digitized',
  forwardLegsClosed: 'forward-legs-closed',
  forwardLegsOnTime: 'forward-legs-on-time',
  /** Return legs of results delivered, and those delivered within J+n (refusal slips left out). */
  returnLegsClosed: 'return-legs-closed',
  returnLegsOnTime: 'return-legs-on-time',
  /** Postal items carried (forward and return legs opened): base of losses and damages per 10,000. */
  itemsCarried: 'items-carried',
  losses: 'losses',
  damages: 'damages',
  compensationVnd: 'compensation-vnd',
  /** Delivery attempts (failed ones plus the successful one) of results whose return leg closed (refusal slips left out). */
  deliveryAttempts: 'delivery-attempts',
  returnsClosed: 'returns-closed',
  returnedToAgency: 'returned-to-agency',
} as const;
export type Metric = (typeof METRICS)[keyof typeof METRICS];

/** Which day a figure is counted on: its own event's day, or the dossier's intake day (a cohort view). */
export const BASES = ['event', 'intake'] as const;
export type Basis = (typeof BASES)[number];

export interface Contribution extends ScopeKeys {
  readonly basis: Basis;
  readonly metric: Metric;
  readonly day: LocalDate;
  readonly value: number;
}

const SENDS_DOSSIER = new Set(['SEND_DOSSIER', 'SEND_AND_RECEIVE']);

export function contributionsOf(fact: DossierFact, units: UnitResolver): Contribution[] {
  const raw: { metric: Metric; day: LocalDate | null; value: number }[] = [];
  const add = (metric: Metric, day: LocalDate | null, value = 1) => {
    if (day !== null && value !== 0) raw.push({ metric, day, value });
  };
  const live = fact.withdrawnDay === null;
  if (live && fact.receivingChannel === 3 && SENDS_DOSSIER.has(fact.serviceForm ?? '')) add(METRICS.bcciReceived, fact.intakeDay);
  if (live) add(METRICS.returnRegistered, fact.returnByPostDay);
  // A refusal slip delivered is not a result delivered: R3's numerator and the return-leg indicators
  // (on-time rate, attempts per result) count results only, as R3's denominator (resolved) does.
  const carriesResult = returnedItemOf(fact) === 'RESULT';
  add(carriesResult ? METRICS.resultDelivered : METRICS.refusalSlipDelivered, fact.deliveredDay);
  add(METRICS.resolved, fact.resultIssuedDay);
  add(METRICS.rejected, fact.rejectedDay);
  add(METRICS.withdrawn, fact.withdrawnDay);
  if (live) {
    add(METRICS.components, fact.intakeDay, fact.componentCount);
    add(METRICS.componentsDigitized, fact.intakeDay, Math.min(fact.componentsDigitized, fact.componentCount || fact.componentsDigitized));
  }
  add(METRICS.resultsIssued, fact.resultIssuedDay);
  if (fact.resultMedium === 'DIGITAL' || fact.resultDigitized) add(METRICS.resultsDigitized, fact.resultIssuedDay);
  add(METRICS.forwardLegsClosed, fact.forwardHandoverDay);
  if (fact.forwardOnTime === true) add(METRICS.forwardLegsOnTime, fact.forwardHandoverDay);
  if (carriesResult) {
    add(METRICS.returnLegsClosed, fact.deliveredDay);
    if (fact.deliveredDay !== null && fact.returnLegDueDate !== null && fact.deliveredDay <= fact.returnLegDueDate) add(METRICS.returnLegsOnTime, fact.deliveredDay);
  }
  add(METRICS.itemsCarried, fact.forwardLegOpenedDay);
  add(METRICS.itemsCarried, fact.returnLegOpenedDay);
  for (const incident of Object.values(fact.incidents)) {
    add(incident.kind === 'LOSS' ? METRICS.losses : METRICS.damages, incident.day);
    add(METRICS.compensationVnd, incident.day, incident.compensationVnd);
  }
  const returnClosedDay = fact.deliveredDay ?? fact.returnedToAgencyDay;
  if (carriesResult && returnClosedDay !== null) {
    add(METRICS.deliveryAttempts, returnClosedDay, fact.failedAttempts + (fact.deliveredDay !== null ? 1 : 0));
    add(METRICS.returnsClosed, returnClosedDay);
  }
  add(METRICS.returnedToAgency, fact.returnedToAgencyDay);

  // A fact's contributions fall on a few days, each located once (the catalog lookup is not free).
  const keysByDay = new Map<LocalDate, ScopeKeys>();
  const keysOn = (day: LocalDate): ScopeKeys => {
    let keys = keysByDay.get(day);
    if (keys === undefined) {
      const location = fact.intakePostalCode ? units.locatePostalPoint(fact.intakePostalCode, day) : undefined;
      keys = {
        provinceCode: location?.provinceCode ?? '',
        communeCode: location?.communeCode ?? '',
        postalCode: fact.intakePostalCode ?? '',
        agencyId: fact.agencyId ?? '',
        procedureCode: fact.procedureCode ?? '',
      };
      keysByDay.set(day, keys);
    }
    return keys;
  };
  const result: Contribution[] = [];
  for (const item of raw) {
    result.push({ basis: 'event', ...item, day: item.day as LocalDate, ...keysOn(item.day as LocalDate) });
    // The cohort view needs the intake day; a dossier whose intake is not known yet has no cohort.
    if (fact.intakeDay !== null) result.push({ basis: 'intake', ...item, day: fact.intakeDay, ...keysOn(fact.intakeDay) });
  }
  return mergeContributions(result);
}

export function contributionKey(c: Omit<Contribution, 'value'>): string {
  return `${c.basis}|${c.metric}|${c.day}|${c.provinceCode}|${c.communeCode}|${c.postalCode}|${c.agencyId}|${c.procedureCode}`;
}

/** Sums contributions with the same key and drops zeros; sorted by key so writers lock rows in one order. */
export function mergeContributions(items: readonly Contribution[]): Contribution[] {
  const byKey = new Map<string, Contribution>();
  for (const item of items) {
    const key = contributionKey(item);
    const existing = byKey.get(key);
    byKey.set(key, existing ? { ...existing, value: existing.value + item.value } : item);
  }
  return [...byKey.entries()]
    .filter(([, item]) => item.value !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, item]) => item);
}

/**
 * What to add to the counts to go from the old contributions to the new ones, not yet summed by key:
 * the changes of several dossiers are summed once, together (mergeContributions).
 */
export function contributionChanges(before: readonly Contribution[], after: readonly Contribution[]): Contribution[] {
  return [...after, ...before.map((item) => ({ ...item, value: -item.value }))];
}

/** What to add to the counts to go from the old contributions to the new ones. */
export function diffContributions(before: readonly Contribution[], after: readonly Contribution[]): Contribution[] {
  return mergeContributions(contributionChanges(before, after));
}
