import { getWorkingCalendar, type LocalDate } from '@bcci/kernel';
import { exampleEvent, journey } from '../../../test/support/journey-events';
import type { TimelineEvent } from '../../timeline/domain/timeline-event';
import { attributeLateness } from './lateness-attribution';
import { atRiskHorizon, clockStatusOn, type ClockReadingOptions } from './clock-status';
import { deriveClocks, type ClockRulesContext } from './derive-clocks';
import type { DossierClock } from './dossier-clock';

const calendar = getWorkingCalendar();
const context: ClockRulesContext = { calendar, processingDaysOf: (code) => (code === '2.000488' ? 10 : undefined) };
const reading: ClockReadingOptions = { atRiskWorkingDays: 1, calendar };
const day = (value: string) => value as LocalDate;
const agencyClock = (clocks: DossierClock[]) => clocks.find((clock) => clock.kind === 'AGENCY_PROCESSING')!;
const asTimeline = (events: unknown[]) => events as TimelineEvent[];

/** A dossier handed over on Thursday 13/03/2025 with a 10-working-day agency clock due 27/03. */
function handedOver(dossierId: string) {
  return [
    exampleEvent('forwarding/handover-record-signed.v1', dossierId, { agencyId: '000.00.13.H65' }, '2025-03-13T09:41:12+07:00'),
    exampleEvent('agency-gateway/handover-acknowledged.v1', dossierId, { agencyId: '000.00.13.H65' }, '2025-03-13T09:41:13+07:00'),
  ];
}

describe('clock rules', () => {
  it('a supplement request pauses the agency clock, and its completion restarts it from zero', () => {
    const dossierId = crypto.randomUUID();
    const requested = exampleEvent('agency-gateway/supplement-requested.v1', dossierId, { agencyId: '000.00.13.H65' }, '2025-03-14T10:00:00+07:00');
    const paused = agencyClock(deriveClocks(asTimeline([...handedOver(dossierId), requested]), context));
    expect(paused).toMatchObject({ phase: 'PAUSED', pausedAt: '2025-03-14T10:00:00+07:00', dueDate: '2025-03-27', restarts: 0 });
    // Paused long past the old due date: the applicant's time, not the agency's.
    expect(clockStatusOn(paused, day('2025-04-20'), reading)).toBe('PAUSED');

    const completed = exampleEvent(
      'agency-gateway/supplement-completed.v1',
      dossierId,
      { agencyId: '000.00.13.H65', completedAt: '2025-04-21T08:30:00+07:00', agencyDeadline: { clockStart: '2025-04-21T08:30:00+07:00', workingDays: 10, dueDate: '2025-05-08' } },
      '2025-04-21T08:30:00+07:00',
    );
    const restarted = agencyClock(deriveClocks(asTimeline([...handedOver(dossierId), requested, completed]), context));
    expect(restarted).toMatchObject({ phase: 'RUNNING', startedAt: '2025-04-21T08:30:00+07:00', dueDate: '2025-05-08', restarts: 1 });
    expect(clockStatusOn(restarted, day('2025-04-22'), reading)).toBe('ON_TIME');
  });

  it('a restart from zero takes the due date the completion states, not one from the catalog', () => {
    const dossierId = crypto.randomUUID();
    const completed = exampleEvent('agency-gateway/supplement-completed.v1', dossierId, {
      agencyId: '000.00.13.H65',
      completedAt: '2025-04-21T08:30:00+07:00',
      agencyDeadline: { clockStart: '2025-04-21T08:30:00+07:00', workingDays: 10, dueDate: '2025-05-08' },
    }, '2025-04-21T08:30:00+07:00');
    // The catalog is consulted only when no event states a due date: here the restart's own event does.
    const registered = exampleEvent('intake/dossier-registered.v1', dossierId, { procedureCode: '2.000488' });
    const clock = agencyClock(deriveClocks(asTimeline([registered, ...handedOver(dossierId), completed]), context));
    expect(clock.dueDate).toBe('2025-05-08');
  });

  it('a reschedule moves the due date once; a second reschedule moves nothing', () => {
    const dossierId = crypto.randomUUID();
    const reschedule = (newDueDate: string, time: string) =>
      exampleEvent('agency-gateway/processing-rescheduled.v1', dossierId, { agencyId: '000.00.13.H65', previousDueDate: '2025-03-27', newDueDate }, time);
    const once = agencyClock(deriveClocks(asTimeline([...handedOver(dossierId), reschedule('2025-04-04', '2025-03-25T10:00:00+07:00')]), context));
    expect(once).toMatchObject({ dueDate: '2025-04-04', rescheduled: true });
    const twice = agencyClock(
      deriveClocks(asTimeline([...handedOver(dossierId), reschedule('2025-04-04', '2025-03-25T10:00:00+07:00'), reschedule('2025-04-30', '2025-04-03T10:00:00+07:00')]), context),
    );
    expect(twice.dueDate).toBe('2025-04-04');
    expect(clockStatusOn(twice, day('2025-04-07'), reading)).toBe('OVERDUE');
  });

  it('attribution: a late dossier is attributed to the party whose clock ran out', () => {
    const trip = journey();
    const clocks = deriveClocks(asTimeline(trip.events), context);
    // Forward leg met (signed 13/03, due 14/03); agency issued 03/04 after 27/03; return delivered 08/04 after 07/04.
    expect(clocks.find((c) => c.kind === 'POSTAL_TO_AGENCY')).toMatchObject({ phase: 'CLOSED', dueDate: '2025-03-14' });
    const late = attributeLateness(clocks, day('2025-05-01'), reading);
    expect(late.map((l) => [l.party, l.clockKey.split(':')[0], l.status]).sort()).toEqual([
      ['AGENCY', 'AGENCY_PROCESSING', 'LATE'],
      ['POSTAL', 'POSTAL_TO_RECIPIENT', 'LATE'],
    ]);
  });

  it('attribution: a running leg past its J+n is the post\'s, while the agency has not started', () => {
    const dossierId = crypto.randomUUID();
    const opened = exampleEvent('forwarding/postal-leg-opened.v1', dossierId, {}, '2025-03-12T09:24:02+07:00');
    const clocks = deriveClocks(asTimeline([opened]), context);
    expect(attributeLateness(clocks, day('2025-03-17'), reading)).toEqual([{ party: 'POSTAL', clockKey: 'POSTAL_TO_AGENCY', dueDate: '2025-03-14', status: 'OVERDUE' }]);
    expect(attributeLateness(clocks, day('2025-03-14'), reading)).toEqual([]);
  });

  it('at-risk threshold: one working day ahead reaches across a weekend', () => {
    const clock: DossierClock = { key: 'AGENCY_PROCESSING', kind: 'AGENCY_PROCESSING', party: 'AGENCY', dueDate: day('2025-03-17'), phase: 'RUNNING', restarts: 0, rescheduled: false };
    // Due Monday 17/03: on Friday 14/03 the next working day is the due date.
    expect(atRiskHorizon(day('2025-03-14'), reading)).toBe('2025-03-17');
    expect(clockStatusOn(clock, day('2025-03-14'), reading)).toBe('AT_RISK');
    expect(clockStatusOn(clock, day('2025-03-13'), reading)).toBe('ON_TIME');
    expect(clockStatusOn(clock, day('2025-03-17'), reading)).toBe('AT_RISK');
    expect(clockStatusOn(clock, day('2025-03-18'), reading)).toBe('OVERDUE');
    // A two-day window flags it from Thursday.
    expect(clockStatusOn(clock, day('2025-03-13'), { ...reading, atRiskWorkingDays: 2 })).toBe('AT_RISK');
    // No window: only on the due day itself.
    expect(clockStatusOn(clock, day('2025-03-14'), { ...reading, atRiskWorkingDays: 0 })).toBe('ON_TIME');
  });

  it('events in any order derive the same clocks', () => {
    const trip = journey();
    const inOrder = deriveClocks(asTimeline(trip.events), context);
    const reversed = deriveClocks(asTimeline([...trip.events].reverse()), context);
    const shuffled = deriveClocks(asTimeline([trip.events[5], trip.events[8], trip.events[0], trip.events[3], trip.events[7], trip.events[1], trip.events[6], trip.events[2], trip.events[4]]), context);
    expect(reversed).toEqual(inOrder);
    expect(shuffled).toEqual(inOrder);
  });

  it('the agency due date comes from the catalog time limit when only the handover record arrived', () => {
    const dossierId = crypto.randomUUID();
    const registered = exampleEvent('intake/dossier-registered.v1', dossierId, { procedureCode: '2.000488' });
    const signed = exampleEvent('forwarding/handover-record-signed.v1', dossierId, { agencyId: '000.00.13.H65' }, '2025-03-13T09:41:12+07:00');
    const clock = agencyClock(deriveClocks(asTimeline([registered, signed]), context));
    expect(clock).toMatchObject({ startedAt: '2025-03-13T09:41:12+07:00', workingDays: 10, dueDate: '2025-03-27', phase: 'RUNNING' });
  });

  it('a withdrawn dossier\'s running clocks end without a verdict', () => {
    const dossierId = crypto.randomUUID();
    const registered = exampleEvent('intake/dossier-registered.v1', dossierId, {});
    const withdrawn = exampleEvent('intake/dossier-withdrawn.v1', dossierId, {}, '2025-03-12T10:00:00+07:00');
    const [forward] = deriveClocks(asTimeline([registered, withdrawn]), context);
    expect(forward).toMatchObject({ kind: 'POSTAL_TO_AGENCY', phase: 'ENDED', closedBy: 'dossier-withdrawn' });
    expect(clockStatusOn(forward, day('2025-06-01'), reading)).toBe('ENDED');
  });

  it('the return leg is kept when the first delivery attempt is within J+n, even if the recipient was out', () => {
    const dossierId = crypto.randomUUID();
    const legId = crypto.randomUUID();
    const opened = exampleEvent('returns/return-leg-opened.v1', dossierId, { legId }, '2025-04-03T15:12:00+07:00');
    const attempted = exampleEvent('returns/delivery-attempted.v1', dossierId, { legId, attemptedAt: '2025-04-07T10:00:00+07:00' }, '2025-04-07T10:00:00+07:00');
    const delivered = exampleEvent('returns/result-delivered.v1', dossierId, { legId }, '2025-04-08T09:05:00+07:00');
    const [leg] = deriveClocks(asTimeline([opened, attempted, delivered]), context);
    expect(leg).toMatchObject({ kind: 'POSTAL_TO_RECIPIENT', phase: 'CLOSED', closedBy: 'delivery-attempted' });
    expect(clockStatusOn(leg, day('2025-05-01'), reading)).toBe('MET');
  });
});
