/**
 * What the simulated agency tells the gateway. Channel-neutral: the Kafka adapter turns a command into a
 * `bcci.agency.*` event, the HTTP adapter into a call to the gateway's decision endpoints.
 */
interface CommandBase {
  commandId: string;
  dossierId: string;
  agencyId: string;
}

export interface SignHandoverCommand extends CommandBase {
  kind: 'sign-handover';
}

export interface IssueResultCommand extends CommandBase {
  kind: 'issue-result';
  resultKind: 'DOCUMENT' | 'REFERENCE';
  medium: 'DIGITAL' | 'PAPER';
  resultReference: string;
  feesOwed: number;
}

export interface RequestSupplementCommand extends CommandBase {
  kind: 'request-supplement';
  requestedComponents: Array<{ componentCode: string; note: string }>;
  reason: string;
}

export interface RejectDossierCommand extends CommandBase {
  kind: 'reject-dossier';
  reasonCode: 'NOT_ELIGIBLE' | 'INCOMPLETE' | 'WRONG_AGENCY' | 'SUPPLEMENT_NOT_PROVIDED' | 'LEGAL_GROUNDS' | 'OTHER';
  reason: string;
}

export type SimulatorCommand = SignHandoverCommand | IssueResultCommand | RequestSupplementCommand | RejectDossierCommand;
export type SimulatorCommandKind = SimulatorCommand['kind'];
