import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { SimulatedDossierRepository } from '../persistence/simulated-dossier.repository';
import type { SimulatorMetrics } from '../application/simulator-metrics';
import type { AgencyGatewayClient } from './agency-gateway.client';

const BATCH = 20;

/**
 * Calls the gateway for queued decisions, in order per dossier, under the row's lock (so two ticks never
 * send the same command at once). A refusal is final (logged, kept in last_error); an unavailable gateway
 * leaves the command queued for the next tick, with the same command id.
 */
export class PendingDecisionsSender {
  private readonly logger = new Logger('AgencySimulator');

  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: SimulatedDossierRepository,
    private readonly client: AgencyGatewayClient,
    private readonly metrics: SimulatorMetrics,
  ) {}

  /** Returns how many commands the gateway accepted or refused in this pass. */
  sendPending(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      let settled = 0;
      for (const stored of await this.dossiers.lockPending(manager, BATCH)) {
        const queue = [...stored.pendingCommands];
        let lastError: string | null = null;
        while (queue.length > 0) {
          const command = queue[0];
          const result = await this.client.send(command);
          this.metrics.gatewayCalls.inc({ kind: command.kind, outcome: result.outcome });
          if (result.outcome === 'unavailable') {
            this.logger.warn(`gateway unavailable, ${command.kind} of ${command.dossierId} will be retried: ${result.message}`);
            lastError = result.message;
            break;
          }
          if (result.outcome === 'refused') {
            this.logger.warn(`gateway refused ${command.kind} of ${command.dossierId}: ${result.message}`);
            lastError = result.message;
          }
          queue.shift();
          settled++;
        }
        await this.dossiers.save(manager, { ...stored, pendingCommands: queue }, lastError);
        if (queue.length > 0) break;
      }
      return settled;
    });
  }
}
