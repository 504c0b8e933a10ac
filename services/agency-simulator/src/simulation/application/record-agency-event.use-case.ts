import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventType, type DossierPublishedToAgencyData } from '@bcci/contracts';
import type { CloudEvent } from '@bcci/messaging';
import { dossierArrived, handoverAcknowledged, supplementCompleted, type Transition } from '../domain/simulated-dossier';
import type { SimulatedDossierRepository, StoredDossier } from '../persistence/simulated-dossier.repository';
import type { DecisionCause, DecisionDispatcher } from './decision-dispatcher.port';
import type { SimulationSettings } from './simulation-settings';
import { systemClock } from '@bcci/kernel';

/**
 * One event of an agency's stream (Kafka topic or HTTP feed), in the caller's transaction (the one that
 * records the event id in the inbox): move the dossier's step and send what the step calls for.
 */
export class RecordAgencyEventUseCase {
  private readonly logger = new Logger('AgencySimulator');

  constructor(
    private readonly settings: SimulationSettings,
    private readonly dossiers: SimulatedDossierRepository,
    private readonly dispatcher: DecisionDispatcher,
    private readonly clock: () => Date = () => systemClock.now(),
  ) {}

  async execute(manager: EntityManager, event: CloudEvent, agencyId: string, cause: DecisionCause): Promise<void> {
    const data = event.data as { dossierId?: string; agencyId?: string };
    if (!data?.dossierId) return;
    if (data.agencyId !== agencyId) {
      // Another agency's dossier on our stream would be a gateway bug; an agency system must not act on it.
      this.logger.warn(`${event.type} for ${data.dossierId} names agency ${String(data.agencyId)}, not ${agencyId}: ignored`);
      return;
    }
    const stored = await this.dossiers.lock(manager, data.dossierId);
    const transition = this.transition(event, stored);
    if (!transition || !transition.changed) return;
    const next: StoredDossier = { dossier: transition.dossier, pendingCommands: stored?.pendingCommands ?? [] };
    const dispatched = await this.dispatcher.dispatch(manager, next, transition.commands, cause);
    await this.dossiers.save(manager, dispatched);
  }

  private transition(event: CloudEvent, stored: StoredDossier | null): Transition | null {
    const now = this.clock();
    switch (event.type) {
      case EventType.DossierPublishedToAgency: {
        const data = event.data as DossierPublishedToAgencyData;
        return dossierArrived(stored?.dossier ?? null, {
          dossierId: data.dossierId,
          agencyId: data.agencyId,
          serviceForm: data.serviceForm,
          componentCodes: data.components.map((c) => c.componentCode),
        });
      }
      case EventType.HandoverAcknowledged:
        return stored ? handoverAcknowledged(stored.dossier, now, this.settings.policy) : null;
      case EventType.SupplementCompleted:
        return stored ? supplementCompleted(stored.dossier, now, this.settings.policy) : null;
      default:
        return null;
    }
  }
}
