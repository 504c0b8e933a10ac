import type { EntityManager } from 'typeorm';
import type { SimulatorCommand } from '../domain/simulator-command';
import type { StoredDossier } from '../persistence/simulated-dossier.repository';

/** The event or request a decision answers, for correlation and tracing. */
export interface DecisionCause {
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
}

/**
 * Sends the simulated agency's commands, in the transaction of the state change that decided them:
 * Kafka mode appends `bcci.agency.*` commands to the outbox; HTTP mode queues them on the dossier row
 * for the sender, which calls the gateway and clears them.
 */
export interface DecisionDispatcher {
  dispatch(manager: EntityManager, stored: StoredDossier, commands: SimulatorCommand[], cause: DecisionCause): Promise<StoredDossier>;
}

export const DECISION_DISPATCHER = Symbol('DECISION_DISPATCHER');
