import { chooseOutcome, owesFees, type DecisionMix } from './decision-mix';
import { commandIdFor } from './command-id';
import type { IssueResultCommand, SimulatorCommand } from './simulator-command';

/**
 * Where the simulated agency is with one dossier:
 *
 *   (published) → HANDOVER_SIGNED ─(handover acknowledged)→ ACKNOWLEDGED ─(delay)→ RESULT_ISSUED
 *                                                                          ├────→ REJECTED
 *                                                                          └────→ SUPPLEMENT_REQUESTED
 *   SUPPLEMENT_REQUESTED ─(supplement completed)→ SUPPLEMENT_COMPLETED ─(delay)→ RESULT_ISSUED
 *   ACKNOWLEDGED ─(supplement completed, asked by someone else)→ SUPPLEMENT_COMPLETED
 *
 * Facts that do not fit the current step (a redelivery, a re-publication) change nothing and send nothing.
 */
export const SIMULATION_STEPS = [
  'HANDOVER_SIGNED',
  'ACKNOWLEDGED',
  'SUPPLEMENT_REQUESTED',
  'SUPPLEMENT_COMPLETED',
  'RESULT_ISSUED',
  'REJECTED',
] as const;
export type SimulationStep = (typeof SIMULATION_STEPS)[number];

export type ServiceForm = 'SEND_DOSSIER' | 'RECEIVE_RESULT' | 'SEND_AND_RECEIVE';

export interface SimulatedDossier {
  dossierId: string;
  agencyId: string;
  step: SimulationStep;
  serviceForm: ServiceForm;
  /** Component codes of the dossier as published: what a supplement request can name. */
  componentCodes: string[];
  /** When the pending decision is due (ACKNOWLEDGED, SUPPLEMENT_COMPLETED); null otherwise. */
  decideAt: Date | null;
}

export interface DecisionPolicy {
  mix: DecisionMix;
  delayMs: number;
  /** Share (0–100) of approvals that leave fees for the applicant to pay on delivery. */
  feesOwedPercent: number;
  /** Amount owed when an approval owes fees (VND). */
  feesOwedVnd: number;
}

export interface Transition {
  dossier: SimulatedDossier;
  commands: SimulatorCommand[];
  /** False when nothing changed (the caller need not write). */
  changed: boolean;
}

export interface DossierArrival {
  dossierId: string;
  agencyId: string;
  serviceForm: ServiceForm;
  componentCodes: string[];
}

const unchanged = (dossier: SimulatedDossier): Transition => ({ dossier, commands: [], changed: false });

/** A dossier published to the agency: sign its handover record at once (the agency clock then runs). */
export function dossierArrived(existing: SimulatedDossier | null, arrival: DossierArrival): Transition | null {
  if (existing) return unchanged(existing);
  const dossier: SimulatedDossier = { ...arrival, componentCodes: [...arrival.componentCodes], step: 'HANDOVER_SIGNED', decideAt: null };
  return {
    dossier,
    commands: [{ kind: 'sign-handover', commandId: commandIdFor(arrival.dossierId, 'sign-handover'), dossierId: arrival.dossierId, agencyId: arrival.agencyId }],
    changed: true,
  };
}

/** The gateway confirmed the signature: the decision falls due after the configured delay. */
export function handoverAcknowledged(dossier: SimulatedDossier, now: Date, policy: DecisionPolicy): Transition {
  if (dossier.step !== 'HANDOVER_SIGNED') return unchanged(dossier);
  return { dossier: { ...dossier, step: 'ACKNOWLEDGED', decideAt: new Date(now.getTime() + policy.delayMs) }, commands: [], changed: true };
}

/**
 * The applicant completed the supplement: the result falls due after the delay (no second supplement).
 * The gateway is the authority: a completion seen before our own decision (a simulator that joined late
 * and replays the stream, or another system of the agency that asked) also leads to the result.
 */
export function supplementCompleted(dossier: SimulatedDossier, now: Date, policy: DecisionPolicy): Transition {
  if (dossier.step !== 'SUPPLEMENT_REQUESTED' && dossier.step !== 'ACKNOWLEDGED') return unchanged(dossier);
  return { dossier: { ...dossier, step: 'SUPPLEMENT_COMPLETED', decideAt: new Date(now.getTime() + policy.delayMs) }, commands: [], changed: true };
}

export function isDecisionDue(dossier: SimulatedDossier, now: Date): boolean {
  return (dossier.step === 'ACKNOWLEDGED' || dossier.step === 'SUPPLEMENT_COMPLETED') && dossier.decideAt !== null && dossier.decideAt.getTime() <= now.getTime();
}

/** Makes the decision that is due: the mix's choice after the handover, always a result after a supplement. */
export function decideIfDue(dossier: SimulatedDossier, now: Date, policy: DecisionPolicy): Transition {
  if (!isDecisionDue(dossier, now)) return unchanged(dossier);
  const base = { dossierId: dossier.dossierId, agencyId: dossier.agencyId };
  if (dossier.step === 'SUPPLEMENT_COMPLETED') {
    return decided(dossier, 'RESULT_ISSUED', resultCommand(dossier, policy, 'issue-result-after-supplement'));
  }
  switch (chooseOutcome(policy.mix, dossier.dossierId)) {
    case 'approve':
      return decided(dossier, 'RESULT_ISSUED', resultCommand(dossier, policy, 'issue-result'));
    case 'supplement':
      return decided(dossier, 'SUPPLEMENT_REQUESTED', {
        kind: 'request-supplement',
        commandId: commandIdFor(dossier.dossierId, 'request-supplement'),
        ...base,
        requestedComponents: [
          {
            componentCode: dossier.componentCodes[0] ?? 'BO-SUNG',
            note: 'Bản chụp chưa rõ nét, đề nghị nộp lại bản rõ hơn.',
          },
        ],
        reason: 'Thành phần hồ sơ chưa đáp ứng yêu cầu theo quy định, đề nghị bổ sung, hoàn thiện.',
      });
    case 'reject':
      return decided(dossier, 'REJECTED', {
        kind: 'reject-dossier',
        commandId: commandIdFor(dossier.dossierId, 'reject-dossier'),
        ...base,
        reasonCode: 'NOT_ELIGIBLE',
        reason: 'Người yêu cầu không thuộc đối tượng được giải quyết theo quy định (hệ thống mô phỏng).',
      });
  }
}

function decided(dossier: SimulatedDossier, step: SimulationStep, command: SimulatorCommand): Transition {
  return { dossier: { ...dossier, step, decideAt: null }, commands: [command], changed: true };
}

/**
 * A paper result for the forms that return it by post (it travels back with the courier), a digital
 * one otherwise; a reference number in both cases (the gateway needs a document or a reference).
 */
function resultCommand(dossier: SimulatedDossier, policy: DecisionPolicy, step: string): IssueResultCommand {
  return {
    kind: 'issue-result',
    commandId: commandIdFor(dossier.dossierId, step),
    dossierId: dossier.dossierId,
    agencyId: dossier.agencyId,
    resultKind: 'DOCUMENT',
    medium: dossier.serviceForm === 'SEND_DOSSIER' ? 'DIGITAL' : 'PAPER',
    resultReference: `${dossier.dossierId.slice(0, 8).toUpperCase()}/KQ-MP`,
    feesOwed: owesFees(dossier.dossierId, policy.feesOwedPercent) ? policy.feesOwedVnd : 0,
  };
}
