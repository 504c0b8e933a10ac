import { transactionWithRetry } from '@bcci/persistence';
import type { DataSource } from 'typeorm';
import type { AgencyCommand } from './agency-command';
import type { DecisionResult } from './agency-decision.runner';
import type { SignHandoverInput, SignHandoverUseCase } from './sign-handover.use-case';

/**
 * The agency signs one handover record for a batch of dossiers: all or none, in one transaction. The
 * dossiers are locked in the order of their ids, whatever order the agency listed them in, so two batches
 * sharing dossiers wait for each other instead of deadlocking; should PostgreSQL still report a deadlock
 * or a serialization failure, the whole batch is retried. Results come back in the request's order.
 */
export class SignHandoverBatchUseCase {
  constructor(
    private readonly dataSource: Pick<DataSource, 'transaction'>,
    private readonly signHandover: SignHandoverUseCase,
  ) {}

  execute(commands: ReadonlyArray<AgencyCommand<SignHandoverInput>>): Promise<DecisionResult[]> {
    const inLockOrder = commands.map((command, index) => ({ command, index })).sort((a, b) => a.command.dossierId.localeCompare(b.command.dossierId));
    return transactionWithRetry(this.dataSource, async (manager) => {
      const results = new Array<DecisionResult>(commands.length);
      for (const { command, index } of inLockOrder) results[index] = await this.signHandover.execute(command, manager);
      return results;
    });
  }
}
