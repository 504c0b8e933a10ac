import { agencyDueDate, type LocalDate, type WorkingCalendar } from '@bcci/kernel';
import { dataObject, dataString, eventName, inEventTimeOrder, type TimelineEvent } from '../../timeline/domain/timeline-event';
import { PARTY_OF_CLOCK, type DossierClock } from './dossier-clock';

export interface ClockRulesContext {
  /** Working days the procedure allows on the BCCI channel on that day (catalog), when the gateway's events do not say. */
  processingDaysOf(procedureCode: string, onDay: LocalDate): number | undefined;
  /** Calendar used for due dates computed here (the agency's working days). */
  readonly calendar: WorkingCalendar;
}

interface Deadline {
  startDay?: string;
  workingDays?: number;
  dueDate?: LocalDate;
}

function deadlineOf(value: Record<string, unknown> | undefined): Deadline | undefined {
  if (!value || typeof value.dueDate !== 'string') return undefined;
  return {
    dueDate: value.dueDate as LocalDate,
    ...(typeof value.workingDays === 'number' ? { workingDays: value.workingDays } : {}),
  };
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) < Date.parse(a) ? b : a;
}

interface PostalLegFacts {
  legId?: string;
  startedAt?: string;
  deadline?: Deadline;
  closedAt?: string;
  closedBy?: string;
  endedAt?: string;
  endedBy?: string;
}

function closeLeg(leg: PostalLegFacts, at: string | undefined, by: string): void {
  if (!at) return;
  const first = earliest(leg.closedAt, at);
  if (first !== leg.closedAt) {
    leg.closedAt = first;
    leg.closedBy = by;
  }
}

function legClock(key: string, kind: 'POSTAL_TO_AGENCY' | 'POSTAL_TO_RECIPIENT', leg: PostalLegFacts): DossierClock {
  const phase = leg.closedAt ? 'CLOSED' : leg.endedAt ? 'ENDED' : 'RUNNING';
  return {
    key,
    kind,
    party: PARTY_OF_CLOCK[kind],
    ...(leg.legId ? { legId: leg.legId } : {}),
    ...(leg.startedAt ? { startedAt: leg.startedAt } : {}),
    ...(leg.deadline?.workingDays !== undefined ? { workingDays: leg.deadline.workingDays } : {}),
    ...(leg.deadline?.dueDate ? { dueDate: leg.deadline.dueDate } : {}),
    phase,
    restarts: 0,
    rescheduled: false,
    ...(phase === 'CLOSED' ? { closedAt: leg.closedAt, closedBy: leg.closedBy } : {}),
    ...(phase === 'ENDED' ? { closedAt: leg.endedAt, closedBy: leg.endedBy } : {}),
  };
}

interface AgencyClockState {
  startedAt?: string;
  workingDays?: number;
  dueDate?: LocalDate;
  phase: DossierClock['phase'];
  pausedAt?: string;
  restarts: number;
  rescheduled: boolean;
  closedAt?: string;
  closedBy?: string;
}

/**
 * Derives every clock of one dossier from its events, whatever order they arrived in: the events are
 * sorted by event time here, postal legs are closed by their earliest closing fact, and the agency's
 * clock is folded in time order (pause, restart from zero, a single reschedule).
 */
export function deriveClocks(events: readonly TimelineEvent[], context: ClockRulesContext): DossierClock[] {
  const ordered = inEventTimeOrder(events);
  const forward: PostalLegFacts = {};
  let forwardSeen = false;
  const returnLegs = new Map<string, PostalLegFacts>();
  const returnLeg = (legId: string): PostalLegFacts => {
    let leg = returnLegs.get(legId);
    if (!leg) returnLegs.set(legId, (leg = { legId }));
    return leg;
  };
  const agency: AgencyClockState = { phase: 'RUNNING', restarts: 0, rescheduled: false };
  let agencyStarted = false;
  let procedureCode: string | undefined;
  let withdrawnAt: string | undefined;

  for (const event of ordered) {
    const name = eventName(event.type);
    const at = (field: string) => dataString(event, field);
    switch (name) {
      case 'dossier-registered': {
        procedureCode ??= at('procedureCode');
        const deadline = deadlineOf(dataObject(event, 'postalDeadline'));
        // Service form 2 (receive the result only) has no forwarding leg and so no postalDeadline.
        if (deadline) {
          forwardSeen = true;
          forward.deadline ??= deadline;
          forward.startedAt ??= at('registeredAt');
        }
        break;
      }
      case 'postal-leg-opened': {
        procedureCode = at('procedureCode') ?? procedureCode;
        forwardSeen = true;
        // The leg as forwarding opened it (competent agency, leg class on J) supersedes the intake estimate.
        forward.legId = at('legId');
        forward.deadline = deadlineOf(dataObject(event, 'deadline')) ?? forward.deadline;
        forward.startedAt = at('openedAt') ?? forward.startedAt;
        break;
      }
      case 'courier-scanned':
        if (at('scanKind') === 'HANDED_OVER') closeLeg(forward, at('scannedAt'), name);
        break;
      case 'handover-record-signed': {
        // J+n is judged on the post's own signature; the legal filing time is the record's last signature.
        closeLeg(forward, at('postalSignedAt') ?? at('signedAt'), name);
        const filedAt = at('signedAt');
        if (!agencyStarted && filedAt) {
          agencyStarted = true;
          agency.startedAt = filedAt;
        }
        break;
      }
      case 'handover-acknowledged': {
        const deadline = dataObject(event, 'agencyDeadline');
        // The gateway's deadline is authoritative for the first clock; after a restart or the
        // reschedule it describes a clock that no longer runs.
        if (deadline && agency.restarts === 0 && !agency.rescheduled) {
          agencyStarted = true;
          agency.startedAt = typeof deadline.clockStart === 'string' ? deadline.clockStart : (agency.startedAt ?? at('acknowledgedAt'));
          agency.workingDays = typeof deadline.workingDays === 'number' ? deadline.workingDays : agency.workingDays;
          agency.dueDate = typeof deadline.dueDate === 'string' ? (deadline.dueDate as LocalDate) : agency.dueDate;
        }
        break;
      }
      case 'supplement-requested':
        if (agency.phase === 'RUNNING') {
          agency.phase = 'PAUSED';
          agency.pausedAt = at('requestedAt');
        }
        break;
      case 'supplement-completed': {
        if (agency.phase === 'CLOSED' || agency.phase === 'ENDED') break;
        // Restart from zero: the completion is the new legal filing time.
        const deadline = dataObject(event, 'agencyDeadline');
        agencyStarted = true;
        agency.phase = 'RUNNING';
        agency.pausedAt = undefined;
        agency.restarts += 1;
        agency.startedAt = typeof deadline?.clockStart === 'string' ? deadline.clockStart : at('completedAt');
        agency.workingDays = typeof deadline?.workingDays === 'number' ? deadline.workingDays : agency.workingDays;
        agency.dueDate = typeof deadline?.dueDate === 'string' ? (deadline.dueDate as LocalDate) : undefined;
        break;
      }
      case 'processing-rescheduled': {
        const newDueDate = at('newDueDate');
        // A dossier may be rescheduled only once: a second reschedule moves nothing.
        if (!agency.rescheduled && newDueDate && agency.phase !== 'CLOSED' && agency.phase !== 'ENDED') {
          agency.rescheduled = true;
          agency.dueDate = newDueDate as LocalDate;
        }
        break;
      }
      case 'result-issued':
      case 'dossier-rejected':
        if (agency.phase === 'RUNNING') {
          agency.phase = 'CLOSED';
          agency.closedAt = at(name === 'result-issued' ? 'issuedAt' : 'rejectedAt');
          agency.closedBy = name;
        } else if (agency.phase === 'PAUSED') {
          // Rejected while waiting on the applicant's supplement: the agency's time was not running.
          agency.phase = 'ENDED';
          agency.closedAt = at(name === 'result-issued' ? 'issuedAt' : 'rejectedAt');
          agency.closedBy = name;
        }
        break;
      case 'dossier-withdrawn':
        withdrawnAt = at('withdrawnAt');
        break;
      case 'return-leg-opened': {
        const leg = returnLeg(at('legId') ?? 'unknown');
        leg.startedAt = at('openedAt');
        leg.deadline = deadlineOf(dataObject(event, 'deadline'));
        break;
      }
      case 'result-delivered':
        closeLeg(returnLeg(at('legId') ?? 'unknown'), at('deliveredAt'), name);
        break;
      // The post has kept its J+n when it first presents the result: a recipient who is out, or who is
      // invited to the counter, does not make the post late.
      case 'delivery-attempted':
        closeLeg(returnLeg(at('legId') ?? 'unknown'), at('attemptedAt'), name);
        break;
      case 'counter-pickup-notice-sent':
        closeLeg(returnLeg(at('legId') ?? 'unknown'), at('sentAt'), name);
        break;
      case 'result-returned-to-agency': {
        const leg = returnLeg(at('legId') ?? 'unknown');
        leg.endedAt ??= at('returnedAt');
        leg.endedBy ??= name;
        break;
      }
      default:
        break;
    }
  }

  const clocks: DossierClock[] = [];
  if (forwardSeen) {
    if (withdrawnAt && !forward.closedAt) {
      forward.endedAt = withdrawnAt;
      forward.endedBy = 'dossier-withdrawn';
    }
    clocks.push(legClock('POSTAL_TO_AGENCY', 'POSTAL_TO_AGENCY', forward));
  }
  if (agencyStarted) {
    if (!agency.dueDate && agency.startedAt && procedureCode) {
      const filedAt = new Date(agency.startedAt);
      const days = agency.workingDays ?? context.processingDaysOf(procedureCode, agencyDueDate(filedAt, 0, context.calendar).startDay);
      if (days !== undefined) {
        agency.workingDays = days;
        agency.dueDate = agencyDueDate(filedAt, days, context.calendar).dueDate;
      }
    }
    if (withdrawnAt && (agency.phase === 'RUNNING' || agency.phase === 'PAUSED')) {
      agency.phase = 'ENDED';
      agency.closedAt = withdrawnAt;
      agency.closedBy = 'dossier-withdrawn';
    }
    clocks.push({
      key: 'AGENCY_PROCESSING',
      kind: 'AGENCY_PROCESSING',
      party: 'AGENCY',
      ...(agency.startedAt ? { startedAt: agency.startedAt } : {}),
      ...(agency.workingDays !== undefined ? { workingDays: agency.workingDays } : {}),
      ...(agency.dueDate ? { dueDate: agency.dueDate } : {}),
      phase: agency.phase,
      ...(agency.pausedAt && agency.phase === 'PAUSED' ? { pausedAt: agency.pausedAt } : {}),
      restarts: agency.restarts,
      rescheduled: agency.rescheduled,
      ...(agency.closedAt ? { closedAt: agency.closedAt, closedBy: agency.closedBy } : {}),
    });
  }
  for (const [legId, leg] of returnLegs) {
    if (!leg.deadline) continue; // closing facts of a leg whose opening has not arrived yet
    if (withdrawnAt && !leg.closedAt && !leg.endedAt) {
      leg.endedAt = withdrawnAt;
      leg.endedBy = 'dossier-withdrawn';
    }
    clocks.push(legClock(`POSTAL_TO_RECIPIENT:${legId}`, 'POSTAL_TO_RECIPIENT', leg));
  }
  return clocks;
}
