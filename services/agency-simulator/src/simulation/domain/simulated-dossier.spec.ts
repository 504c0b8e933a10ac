import { parseDecisionMix } from './decision-mix';
import { commandIdFor } from './command-id';
import {
  decideIfDue,
  dossierArrived,
  handoverAcknowledged,
  supplementCompleted,
  type DecisionPolicy,
  type DossierArrival,
  type SimulatedDossier,
} from './simulated-dossier';

const T0 = new Date('2026-03-02T02:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

function policy(mix: string, extra: Partial<DecisionPolicy> = {}): DecisionPolicy {
  return { mix: parseDecisionMix(mix), delayMs: 5_000, feesOwedPercent: 0, feesOwedVnd: 50_000, ...extra };
}

const arrival: DossierArrival = {
  dossierId: '0b9f6c1e-5d2a-4f3b-9c8e-2a7d1e4f6b01',
  agencyId: '999.99.99.H39',
  serviceForm: 'SEND_AND_RECEIVE',
  componentCodes: ['TK-LLTP-03', 'GT-TUY-THAN'],
};

function acknowledged(p: DecisionPolicy, a: DossierArrival = arrival): SimulatedDossier {
  return handoverAcknowledged(dossierArrived(null, a)!.dossier, T0, p).dossier;
}

describe('simulated agency step machine', () => {
  it('signs the handover record when a dossier arrives, with a command id derived from dossier and step', () => {
    const t = dossierArrived(null, arrival)!;
    expect(t.dossier.step).toBe('HANDOVER_SIGNED');
    expect(t.commands).toEqual([{ kind: 'sign-handover', commandId: commandIdFor(arrival.dossierId, 'sign-handover'), dossierId: arrival.dossierId, agencyId: '999.99.99.H39' }]);
  });

  it('sends nothing again when the same dossier arrives twice (redelivery or re-publication)', () => {
    const first = dossierArrived(null, arrival)!;
    const again = dossierArrived(first.dossier, arrival)!;
    expect(again.changed).toBe(false);
    expect(again.commands).toEqual([]);
  });

  it('derives stable, distinct command ids per step', () => {
    expect(commandIdFor(arrival.dossierId, 'sign-handover')).toBe(commandIdFor(arrival.dossierId, 'sign-handover'));
    expect(commandIdFor(arrival.dossierId, 'sign-handover')).not.toBe(commandIdFor(arrival.dossierId, 'issue-result'));
    expect(commandIdFor(arrival.dossierId, 'issue-result')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('makes the decision due only after the configured delay from the acknowledgement', () => {
    const p = policy('approve:1');
    const dossier = acknowledged(p);
    expect(dossier.step).toBe('ACKNOWLEDGED');
    expect(dossier.decideAt).toEqual(later(5_000));
    expect(decideIfDue(dossier, later(4_999), p).commands).toEqual([]);
    expect(decideIfDue(dossier, later(5_000), p).commands).toHaveLength(1);
  });

  it('approves with a paper result for a dossier that returns by post, no fees owed at 0 %', () => {
    const p = policy('approve:1');
    const t = decideIfDue(acknowledged(p), later(5_000), p);
    expect(t.dossier.step).toBe('RESULT_ISSUED');
    expect(t.commands[0]).toMatchObject({ kind: 'issue-result', commandId: commandIdFor(arrival.dossierId, 'issue-result'), medium: 'PAPER', feesOwed: 0 });
  });

  it('approves with fees owed when the dossier falls in the fees share, and a digital result for form 1', () => {
    const p = policy('approve:1', { feesOwedPercent: 100 });
    const t = decideIfDue(acknowledged(p, { ...arrival, serviceForm: 'SEND_DOSSIER' }), later(5_000), p);
    expect(t.commands[0]).toMatchObject({ kind: 'issue-result', medium: 'DIGITAL', feesOwed: 50_000 });
  });

  it('rejects with a reason', () => {
    const p = policy('reject:1');
    const t = decideIfDue(acknowledged(p), later(5_000), p);
    expect(t.dossier.step).toBe('REJECTED');
    expect(t.commands[0]).toMatchObject({ kind: 'reject-dossier', reasonCode: 'NOT_ELIGIBLE' });
  });

  it('asks for a supplement naming a published component, then issues the result once it is completed', () => {
    const p = policy('supplement:1');
    const asked = decideIfDue(acknowledged(p), later(5_000), p);
    expect(asked.dossier.step).toBe('SUPPLEMENT_REQUESTED');
    expect(asked.commands[0]).toMatchObject({ kind: 'request-supplement', requestedComponents: [{ componentCode: 'TK-LLTP-03' }] });
    // Nothing is due while the applicant supplements.
    expect(decideIfDue(asked.dossier, later(60_000), p).changed).toBe(false);
    const completed = supplementCompleted(asked.dossier, later(10_000), p);
    expect(completed.dossier).toMatchObject({ step: 'SUPPLEMENT_COMPLETED', decideAt: later(15_000) });
    const result = decideIfDue(completed.dossier, later(15_000), p);
    expect(result.dossier.step).toBe('RESULT_ISSUED');
    expect(result.commands[0]).toMatchObject({ kind: 'issue-result', commandId: commandIdFor(arrival.dossierId, 'issue-result-after-supplement') });
  });

  it('decides once: a decided dossier has nothing due', () => {
    const p = policy('approve:1');
    const decided = decideIfDue(acknowledged(p), later(5_000), p).dossier;
    expect(decideIfDue(decided, later(99_000), p).changed).toBe(false);
  });

  it('ignores facts out of step: an acknowledgement or a supplement completion after the decision, a completion before the signature', () => {
    const p = policy('approve:1');
    const decided = decideIfDue(acknowledged(p), later(5_000), p).dossier;
    expect(handoverAcknowledged(decided, later(6_000), p).changed).toBe(false);
    expect(supplementCompleted(decided, later(6_000), p).changed).toBe(false);
    expect(supplementCompleted(dossierArrived(null, arrival)!.dossier, later(6_000), p).changed).toBe(false);
  });

  it('issues the result after a completion it did not ask for (the gateway is the authority; a late-joining simulator replays)', () => {
    const p = policy('reject:1');
    const completed = supplementCompleted(acknowledged(p), later(1_000), p);
    expect(completed.dossier).toMatchObject({ step: 'SUPPLEMENT_COMPLETED', decideAt: later(6_000) });
    expect(decideIfDue(completed.dossier, later(6_000), p).commands[0]).toMatchObject({ kind: 'issue-result' });
  });

  it('falls back to a generic component code when the dossier was published without components', () => {
    const p = policy('supplement:1');
    const t = decideIfDue(acknowledged(p, { ...arrival, componentCodes: [] }), later(5_000), p);
    expect(t.commands[0]).toMatchObject({ requestedComponents: [{ componentCode: 'BO-SUNG' }] });
  });
});
