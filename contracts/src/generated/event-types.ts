/* eslint-disable */
// GENERATED FILE: do not edit. Source: contracts/schemas (JSON Schema 2020-12).
// Regenerate with `node tools/run-ts.mjs contracts/scripts/generate-types.ts`.

import type {
  IssueResultCommandData,
  RejectDossierCommandData,
  RequestSupplementCommandData,
  RescheduleProcessingCommandData,
  SignHandoverCommandData,
} from './agency';
import type {
  DossierPublishedToAgencyData,
  DossierRejectedData,
  HandoverAcknowledgedData,
  ProcessingRescheduledData,
  ResultIssuedData,
  SupplementCompletedData,
  SupplementRequestedData,
} from './agency-gateway';
import type {
  ComponentCertifiedData,
  ComponentDigitizedData,
  DossierDigitizationIncompleteData,
  DossierDigitizedData,
  ResultDigitizedData,
} from './digitization';
import type { CourierScannedData, FeesRemittedData, HandoverRecordSignedData, PostalLegOpenedData } from './forwarding';
import type { DossierRegisteredData, DossierWithdrawnData } from './intake';
import type {
  CounterPickupNoticeSentData,
  DeliveryAttemptedData,
  IncidentRecordedData,
  ResultDeliveredData,
  ResultPickedUpAtAgencyData,
  ResultReturnedToAgencyData,
  ReturnLegOpenedData,
} from './returns';
import type { DenominatorTotalsImportedData } from './tracking';

/** Every event type of BCCI Channel, by name. */
export const EventType = {
  DossierPublishedToAgency: 'bcci.agency-gateway.dossier-published-to-agency.v1',
  DossierRejected: 'bcci.agency-gateway.dossier-rejected.v1',
  HandoverAcknowledged: 'bcci.agency-gateway.handover-acknowledged.v1',
  ProcessingRescheduled: 'bcci.agency-gateway.processing-rescheduled.v1',
  ResultIssued: 'bcci.agency-gateway.result-issued.v1',
  SupplementCompleted: 'bcci.agency-gateway.supplement-completed.v1',
  SupplementRequested: 'bcci.agency-gateway.supplement-requested.v1',
  IssueResult: 'bcci.agency.issue-result.v1',
  RejectDossier: 'bcci.agency.reject-dossier.v1',
  RequestSupplement: 'bcci.agency.request-supplement.v1',
  RescheduleProcessing: 'bcci.agency.reschedule-processing.v1',
  SignHandover: 'bcci.agency.sign-handover.v1',
  ComponentCertified: 'bcci.digitization.component-certified.v1',
  ComponentDigitized: 'bcci.digitization.component-digitized.v1',
  DossierDigitizationIncomplete: 'bcci.digitization.dossier-digitization-incomplete.v1',
  DossierDigitized: 'bcci.digitization.dossier-digitized.v1',
  ResultDigitized: 'bcci.digitization.result-digitized.v1',
  CourierScanned: 'bcci.forwarding.courier-scanned.v1',
  FeesRemitted: 'bcci.forwarding.fees-remitted.v1',
  HandoverRecordSigned: 'bcci.forwarding.handover-record-signed.v1',
  PostalLegOpened: 'bcci.forwarding.postal-leg-opened.v1',
  DossierRegistered: 'bcci.intake.dossier-registered.v1',
  DossierWithdrawn: 'bcci.intake.dossier-withdrawn.v1',
  CounterPickupNoticeSent: 'bcci.returns.counter-pickup-notice-sent.v1',
  DeliveryAttempted: 'bcci.returns.delivery-attempted.v1',
  IncidentRecorded: 'bcci.returns.incident-recorded.v1',
  ResultDelivered: 'bcci.returns.result-delivered.v1',
  ResultPickedUpAtAgency: 'bcci.returns.result-picked-up-at-agency.v1',
  ResultReturnedToAgency: 'bcci.returns.result-returned-to-agency.v1',
  ReturnLegOpened: 'bcci.returns.return-leg-opened.v1',
  DenominatorTotalsImported: 'bcci.tracking.denominator-totals-imported.v1',
} as const;

export type EventTypeName = (typeof EventType)[keyof typeof EventType];

/** The `data` type of each event type. */
export interface EventDataMap {
  'bcci.agency-gateway.dossier-published-to-agency.v1': DossierPublishedToAgencyData;
  'bcci.agency-gateway.dossier-rejected.v1': DossierRejectedData;
  'bcci.agency-gateway.handover-acknowledged.v1': HandoverAcknowledgedData;
  'bcci.agency-gateway.processing-rescheduled.v1': ProcessingRescheduledData;
  'bcci.agency-gateway.result-issued.v1': ResultIssuedData;
  'bcci.agency-gateway.supplement-completed.v1': SupplementCompletedData;
  'bcci.agency-gateway.supplement-requested.v1': SupplementRequestedData;
  'bcci.agency.issue-result.v1': IssueResultCommandData;
  'bcci.agency.reject-dossier.v1': RejectDossierCommandData;
  'bcci.agency.request-supplement.v1': RequestSupplementCommandData;
  'bcci.agency.reschedule-processing.v1': RescheduleProcessingCommandData;
  'bcci.agency.sign-handover.v1': SignHandoverCommandData;
  'bcci.digitization.component-certified.v1': ComponentCertifiedData;
  'bcci.digitization.component-digitized.v1': ComponentDigitizedData;
  'bcci.digitization.dossier-digitization-incomplete.v1': DossierDigitizationIncompleteData;
  'bcci.digitization.dossier-digitized.v1': DossierDigitizedData;
  'bcci.digitization.result-digitized.v1': ResultDigitizedData;
  'bcci.forwarding.courier-scanned.v1': CourierScannedData;
  'bcci.forwarding.fees-remitted.v1': FeesRemittedData;
  'bcci.forwarding.handover-record-signed.v1': HandoverRecordSignedData;
  'bcci.forwarding.postal-leg-opened.v1': PostalLegOpenedData;
  'bcci.intake.dossier-registered.v1': DossierRegisteredData;
  'bcci.intake.dossier-withdrawn.v1': DossierWithdrawnData;
  'bcci.returns.counter-pickup-notice-sent.v1': CounterPickupNoticeSentData;
  'bcci.returns.delivery-attempted.v1': DeliveryAttemptedData;
  'bcci.returns.incident-recorded.v1': IncidentRecordedData;
  'bcci.returns.result-delivered.v1': ResultDeliveredData;
  'bcci.returns.result-picked-up-at-agency.v1': ResultPickedUpAtAgencyData;
  'bcci.returns.result-returned-to-agency.v1': ResultReturnedToAgencyData;
  'bcci.returns.return-leg-opened.v1': ReturnLegOpenedData;
  'bcci.tracking.denominator-totals-imported.v1': DenominatorTotalsImportedData;
}

/** Producer (CloudEvents `source` = `/bcci/<producer>`) and Kafka topic of each event type. */
export const EVENT_ROUTES = {
  'bcci.agency-gateway.dossier-published-to-agency.v1': { producer: 'agency-gateway', topic: 'bcci.agency-gateway.dossier-events.v1', alsoOnAgencyTopic: true },
  'bcci.agency-gateway.dossier-rejected.v1': { producer: 'agency-gateway', topic: 'bcci.agency-gateway.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.agency-gateway.handover-acknowledged.v1': { producer: 'agency-gateway', topic: 'bcci.agency-gateway.dossier-events.v1', alsoOnAgencyTopic: true },
  'bcci.agency-gateway.processing-rescheduled.v1': { producer: 'agency-gateway', topic: 'bcci.agency-gateway.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.agency-gateway.result-issued.v1': { producer: 'agency-gateway', topic: 'bcci.agency-gateway.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.agency-gateway.supplement-completed.v1': { producer: 'agency-gateway', topic: 'bcci.agency-gateway.dossier-events.v1', alsoOnAgencyTopic: true },
  'bcci.agency-gateway.supplement-requested.v1': { producer: 'agency-gateway', topic: 'bcci.agency-gateway.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.agency.issue-result.v1': { producer: 'agency', topic: 'bcci.agency.decisions.v1', alsoOnAgencyTopic: false },
  'bcci.agency.reject-dossier.v1': { producer: 'agency', topic: 'bcci.agency.decisions.v1', alsoOnAgencyTopic: false },
  'bcci.agency.request-supplement.v1': { producer: 'agency', topic: 'bcci.agency.decisions.v1', alsoOnAgencyTopic: false },
  'bcci.agency.reschedule-processing.v1': { producer: 'agency', topic: 'bcci.agency.decisions.v1', alsoOnAgencyTopic: false },
  'bcci.agency.sign-handover.v1': { producer: 'agency', topic: 'bcci.agency.decisions.v1', alsoOnAgencyTopic: false },
  'bcci.digitization.component-certified.v1': { producer: 'digitization', topic: 'bcci.digitization.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.digitization.component-digitized.v1': { producer: 'digitization', topic: 'bcci.digitization.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.digitization.dossier-digitization-incomplete.v1': { producer: 'digitization', topic: 'bcci.digitization.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.digitization.dossier-digitized.v1': { producer: 'digitization', topic: 'bcci.digitization.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.digitization.result-digitized.v1': { producer: 'digitization', topic: 'bcci.digitization.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.forwarding.courier-scanned.v1': { producer: 'forwarding', topic: 'bcci.forwarding.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.forwarding.fees-remitted.v1': { producer: 'forwarding', topic: 'bcci.forwarding.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.forwarding.handover-record-signed.v1': { producer: 'forwarding', topic: 'bcci.forwarding.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.forwarding.postal-leg-opened.v1': { producer: 'forwarding', topic: 'bcci.forwarding.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.intake.dossier-registered.v1': { producer: 'intake', topic: 'bcci.intake.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.intake.dossier-withdrawn.v1': { producer: 'intake', topic: 'bcci.intake.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.returns.counter-pickup-notice-sent.v1': { producer: 'returns', topic: 'bcci.returns.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.returns.delivery-attempted.v1': { producer: 'returns', topic: 'bcci.returns.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.returns.incident-recorded.v1': { producer: 'returns', topic: 'bcci.returns.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.returns.result-delivered.v1': { producer: 'returns', topic: 'bcci.returns.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.returns.result-picked-up-at-agency.v1': { producer: 'returns', topic: 'bcci.returns.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.returns.result-returned-to-agency.v1': { producer: 'returns', topic: 'bcci.returns.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.returns.return-leg-opened.v1': { producer: 'returns', topic: 'bcci.returns.dossier-events.v1', alsoOnAgencyTopic: false },
  'bcci.tracking.denominator-totals-imported.v1': { producer: 'tracking', topic: 'bcci.tracking.denominator-events.v1', alsoOnAgencyTopic: false },
} as const;
