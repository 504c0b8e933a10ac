import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildEvent,
  EXAMPLES_DIR,
  EventType,
  type BcciEvent,
  type DossierPublishedToAgencyData,
  type HandoverAcknowledgedData,
  type SupplementCompletedData,
} from '@bcci/contracts';

function exampleData<T>(file: string): T {
  return (JSON.parse(readFileSync(path.join(EXAMPLES_DIR, 'agency-gateway', file), 'utf8')) as { data: T }).data;
}

/** Per-agency events as the gateway publishes them (from the contracts' examples, re-addressed). */
export function publishedEvent(dossierId: string, agencyId: string, serviceForm: DossierPublishedToAgencyData['serviceForm'] = 'SEND_AND_RECEIVE'): BcciEvent {
  const data = exampleData<DossierPublishedToAgencyData>('dossier-published-to-agency.v1.example.json');
  return buildEvent({
    type: EventType.DossierPublishedToAgency,
    data: { ...data, dossierId, agencyId, serviceForm, applicantDataUrl: `/agency/dossiers/${dossierId}/applicant`, publishedAt: new Date().toISOString() },
  });
}

export function acknowledgedEvent(dossierId: string, agencyId: string): BcciEvent {
  const data = exampleData<HandoverAcknowledgedData>('handover-acknowledged.v1.example.json');
  return buildEvent({ type: EventType.HandoverAcknowledged, data: { ...data, dossierId, agencyId, acknowledgedAt: new Date().toISOString() } });
}

export function supplementCompletedEvent(dossierId: string, agencyId: string): BcciEvent {
  const data = exampleData<SupplementCompletedData>('supplement-completed.v1.example.json');
  return buildEvent({ type: EventType.SupplementCompleted, data: { ...data, dossierId, agencyId, completedAt: new Date().toISOString() } });
}
