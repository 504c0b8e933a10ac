import type { EntityManager } from 'typeorm';
import { outboxEntryOf, type OutboxWriter } from '@bcci/messaging';
import type { SimulatorCommand } from '../domain/simulator-command';
import type { DecisionCause, DecisionDispatcher } from '../application/decision-dispatcher.port';
import type { StoredDossier } from '../persistence/simulated-dossier.repository';
import type { SimulatorMetrics } from '../application/simulator-metrics';
import { agencyCommandEvent } from './agency-command.event';

/** Kafka mode: each command becomes a `bcci.agency.*` event in the outbox, committed with the new step. */
export class KafkaDecisionDispatcher implements DecisionDispatcher {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly metrics: SimulatorMetrics,
  ) {}

  async dispatch(manager: EntityManager, stored: StoredDossier, commands: SimulatorCommand[], cause: DecisionCause): Promise<StoredDossier> {
    if (commands.length === 0) return stored;
    await this.outbox.append(
      manager,
      commands.map((command) => outboxEntryOf(agencyCommandEvent(command, cause), cause.traceparent)),
    );
    for (const command of commands) this.metrics.commandsDecided.inc({ kind: command.kind, mode: 'kafka' });
    return stored;
  }
}
