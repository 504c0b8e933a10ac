import type { EntityManager } from 'typeorm';
import type { SimulatorCommand } from '../domain/simulator-command';
import type { DecisionCause, DecisionDispatcher } from '../application/decision-dispatcher.port';
import type { StoredDossier } from '../persistence/simulated-dossier.repository';
import type { SimulatorMetrics } from '../application/simulator-metrics';

/**
 * HTTP mode: commands are queued on the dossier row in the transaction of the decision (the row is
 * this mode's outbox); PendingDecisionsSender calls the gateway and clears them.
 */
export class HttpDecisionDispatcher implements DecisionDispatcher {
  constructor(private readonly metrics: SimulatorMetrics) {}

  dispatch(_manager: EntityManager, stored: StoredDossier, commands: SimulatorCommand[], _cause: DecisionCause): Promise<StoredDossier> {
    for (const command of commands) this.metrics.commandsDecided.inc({ kind: command.kind, mode: 'http' });
    return Promise.resolve({ ...stored, pendingCommands: [...stored.pendingCommands, ...commands] });
  }
}
