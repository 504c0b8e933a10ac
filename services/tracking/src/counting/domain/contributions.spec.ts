import { contributionChanges, contributionsOf, diffContributions, mergeContributions, type Contribution } from './contributions';
import { emptyFact, foldEvent, type CountedEvent } from './dossier-fact';
import type { UnitResolver } from './units';

const units: UnitResolver = { locatePostalPoint: (code) => (code === '33100' ? { communeCode: '04249', provinceCode: '15' } : undefined) };
const dossierId = '0b9f6c1e-5d2a-4f3b-9c8e-2a7d1e4f6b01';
let seq = 0;
const ev = (type: string, time: string, data: Record<string, unknown>): CountedEvent => ({ id: `e-${++seq}`, type: `bcci.${type}.v1`, time, subject: dossierId, data: { dossierId, ...data } });

const journey: CountedEvent[] = [
  ev('intake.dossier-registered', '2026-03-31T16:30:00Z', {
    serviceForm: 'SEND_AND_RECEIVE', receivingChannel: 3, procedureCode: '2.000488', expectedAgencyId: '000.00.13.H39',
    intakeSite: { kind: 'POSTAL_POINT', postalCode: '33100' }, intakeDay: '2026-03-31', components: [{}, {}, {}],
  }),
  ev('digitization.dossier-digitization-incomplete', '2026-04-01T02:00:00Z', { componentCount: 3, digitizedCount: 2 }),
  ev('digitization.dossier-digitized', '2026-04-01T03:00:00Z', { componentCount: 3, digitizedCount: 3 }),
  ev('forwarding.postal-leg-opened', '2026-04-01T03:00:00Z', { agencyId: '000.00.13.H39', procedureCode: '2.000488', openedAt: '2026-04-01T03:00:00Z' }),
  ev('forwarding.handover-record-signed', '2026-04-02T03:00:00Z', { agencyId: '000.00.13.H39', signedAt: '2026-04-02T03:00:00Z', postalDeadlineMet: true }),
  ev('agency-gateway.result-issued', '2026-04-10T03:00:00Z', { agencyId: '000.00.13.H39', issuedAt: '2026-04-10T03:00:00Z', medium: 'PAPER', returnByPost: true }),
  ev('digitization.result-digitized', '2026-04-10T05:00:00Z', {}),
  ev('returns.return-leg-opened', '2026-04-11T03:00:00Z', { openedAt: '2026-04-11T03:00:00Z', deadline: { dueDate: '2026-04-14' } }),
  ev('returns.delivery-attempted', '2026-04-13T03:00:00Z', { attemptNumber: 1 }),
  ev('returns.result-delivered', '2026-04-15T03:00:00Z', { deliveredAt: '2026-04-15T03:00:00Z' }),
  ev('returns.incident-recorded', '2026-04-12T03:00:00Z', { incidentId: 'i-1', kind: 'DAMAGE', occurredAt: '2026-04-12T03:00:00Z', compensation: 50000 }),
];

const fold = (events: CountedEvent[]) => events.reduce(foldEvent, emptyFact(dossierId));
const byMetric = (items: Contribution[], basis = 'event') =>
  Object.fromEntries(items.filter((c) => c.basis === basis).map((c) => [`${c.metric}@${c.day}`, c.value]));

describe('a dossier\'s contributions to the daily counts', () => {
  it('counts each figure on its own event\'s Vietnamese day, under the intake point\'s units', () => {
    const contributions = contributionsOf(fold(journey), units);
    expect(byMetric(contributions)).toEqual({
      'bcci-received@2026-03-31': 1,
      'return-registered@2026-03-31': 1,
      'components@2026-03-31': 3,
      'components-digitized@2026-03-31': 3,
      'items-carried@2026-04-01': 1,
      'items-carried@2026-04-11': 1,
      'forward-legs-closed@2026-04-02': 1,
      'forward-legs-on-time@2026-04-02': 1,
      'resolved@2026-04-10': 1,
      'results-issued@2026-04-10': 1,
      'results-digitized@2026-04-10': 1,
      'damages@2026-04-12': 1,
      'compensation-vnd@2026-04-12': 50000,
      'result-delivered@2026-04-15': 1,
      'return-legs-closed@2026-04-15': 1,
      'delivery-attempts@2026-04-15': 2,
      'returns-closed@2026-04-15': 1,
    });
    expect(contributions[0]).toMatchObject({ provinceCode: '15', communeCode: '04249', postalCode: '33100', agencyId: '000.00.13.H39', procedureCode: '2.000488' });
  });

  it('the cohort basis puts every figure on the intake day', () => {
    const cohort = byMetric(contributionsOf(fold(journey), units), 'intake');
    expect(Object.keys(cohort).every((key) => key.endsWith('@2026-03-31'))).toBe(true);
    expect(cohort['items-carried@2026-03-31']).toBe(2);
  });

  it('gives the same figures whatever order the events arrive in', () => {
    const reference = contributionsOf(fold(journey), units);
    for (let shift = 1; shift < journey.length; shift++) {
      const rotated = [...journey.slice(shift), ...journey.slice(0, shift)];
      expect(contributionsOf(fold(rotated), units)).toEqual(reference);
      expect(contributionsOf(fold([...rotated].reverse()), units)).toEqual(reference);
    }
  });

  it('a late-delivered result is not on time; a result returned to the agency closes the return with its attempts', () => {
    const returned = fold([
      ...journey.slice(0, 9),
      ev('returns.result-returned-to-agency', '2026-04-20T03:00:00Z', { returnedAt: '2026-04-20T03:00:00Z', attempts: 2 }),
    ]);
    const metrics = byMetric(contributionsOf(returned, units));
    expect(metrics['returned-to-agency@2026-04-20']).toBe(1);
    expect(metrics['delivery-attempts@2026-04-20']).toBe(2);
    expect(metrics['result-delivered@2026-04-20']).toBeUndefined();
  });

  describe('a rejected dossier whose refusal slip is delivered by post (R3 counts results only)', () => {
    // Form 3, rejected at reception; the refusal slip goes back on a return leg, one failed attempt, then delivered.
    const refusal: CountedEvent[] = [
      ...journey.slice(0, 5),
      ev('agency-gateway.dossier-rejected', '2026-04-03T03:00:00Z', { agencyId: '000.00.13.H39', rejectedAt: '2026-04-03T03:00:00Z', stage: 'AT_RECEPTION', returnToApplicant: true }),
      ev('returns.return-leg-opened', '2026-04-06T03:00:00Z', { returnedItem: 'REFUSAL_SLIP', openedAt: '2026-04-06T03:00:00Z', deadline: { dueDate: '2026-04-08' } }),
      ev('returns.delivery-attempted', '2026-04-07T03:00:00Z', { attemptNumber: 1 }),
      ev('returns.result-delivered', '2026-04-08T03:00:00Z', { deliveredAt: '2026-04-08T03:00:00Z' }),
    ];

    it('counts the slip as its own figure, in any order: no result delivered, no return leg or attempts of a result', () => {
      const metrics = byMetric(contributionsOf(fold(refusal), units));
      expect(metrics['refusal-slip-delivered@2026-04-08']).toBe(1);
      for (const metric of ['result-delivered', 'return-legs-closed', 'return-legs-on-time', 'delivery-attempts', 'returns-closed', 'resolved']) {
        expect(Object.keys(metrics).filter((key) => key.startsWith(`${metric}@`))).toEqual([]);
      }
      // Still a rejection, and still a postal item carried (losses and damages per 10,000 items).
      expect(metrics['rejected@2026-04-03']).toBe(1);
      expect(metrics['items-carried@2026-04-06']).toBe(1);
      // Whatever order the events arrive in.
      const reference = contributionsOf(fold(refusal), units);
      expect(contributionsOf(fold([...refusal].reverse()), units)).toEqual(reference);
      expect(contributionsOf(fold([...refusal.slice(6), ...refusal.slice(0, 6)]), units)).toEqual(reference);
    });

    it('moves the delivery from results to refusal slips when the leg\'s item is learnt after the delivery', () => {
      const before = contributionsOf(fold([...journey.slice(0, 5), refusal[8]]), units);
      const after = contributionsOf(fold(refusal), units);
      expect(diffContributions(before, after)).toEqual(expect.arrayContaining([
        expect.objectContaining({ basis: 'event', metric: 'result-delivered', day: '2026-04-08', value: -1 }),
        expect.objectContaining({ basis: 'event', metric: 'refusal-slip-delivered', day: '2026-04-08', value: 1 }),
      ]));
    });
  });

  it('a withdrawn dossier is not counted as received through BCCI', () => {
    const withdrawn = fold([journey[0], ev('intake.dossier-withdrawn', '2026-04-01T01:00:00Z', { withdrawnAt: '2026-04-01T01:00:00Z' })]);
    const metrics = byMetric(contributionsOf(withdrawn, units));
    expect(metrics).toEqual({ 'withdrawn@2026-04-01': 1 });
  });

  it('a result-only dossier (form 2) from another channel counts for return, not for intake', () => {
    const form2 = fold([
      ev('intake.dossier-registered', '2026-02-02T03:00:00Z', {
        serviceForm: 'RECEIVE_RESULT', receivingChannel: 2, procedureCode: '2.000488', intakeSite: { kind: 'POSTAL_POINT', postalCode: '33100' }, intakeDay: '2026-02-02',
      }),
    ]);
    expect(byMetric(contributionsOf(form2, units))).toEqual({ 'return-registered@2026-02-02': 1 });
  });

  it('an event before the intake is counted with empty keys, then moved when the intake arrives', () => {
    const early = fold([journey[9]]);
    const before = contributionsOf(early, units);
    expect(before.find((c) => c.metric === 'result-delivered')).toMatchObject({ postalCode: '', procedureCode: '', provinceCode: '' });
    const after = contributionsOf(foldEvent(early, journey[0]), units);
    const diff = diffContributions(before, after);
    expect(diff).toEqual(expect.arrayContaining([
      expect.objectContaining({ metric: 'result-delivered', postalCode: '', value: -1 }),
      expect.objectContaining({ metric: 'result-delivered', postalCode: '33100', value: 1 }),
    ]));
  });

  it('a redelivered event changes nothing (the fold is idempotent)', () => {
    const once = fold(journey);
    const twice = journey.reduce(foldEvent, once);
    expect(diffContributions(contributionsOf(once, units), contributionsOf(twice, units))).toEqual([]);
  });

  it('the changes of several steps summed once equal the differences of each step summed', () => {
    const steps = [fold(journey.slice(0, 3)), fold(journey.slice(0, 7)), fold(journey)].map((fact) => contributionsOf(fact, units));
    const empty = contributionsOf(emptyFact(dossierId), units);
    const summedOnce = mergeContributions([...contributionChanges(empty, steps[0]), ...contributionChanges(steps[0], steps[1]), ...contributionChanges(steps[1], steps[2])]);
    const eachThenSummed = mergeContributions([...diffContributions(empty, steps[0]), ...diffContributions(steps[0], steps[1]), ...diffContributions(steps[1], steps[2])]);
    expect(summedOnce).toEqual(eachThenSummed);
    expect(summedOnce).toEqual(diffContributions(empty, steps[2]));
    expect(summedOnce.length).toBeGreaterThan(0);
  });
});
