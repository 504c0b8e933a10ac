import { writeWithNextStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';

export interface StoredCommand {
  commandId: string;
  agencyId: string;
  dossierId: string;
  kind: string;
  result: DecisionOutcome;
}

/** What a decision answered; returned again, unchanged, for a repeated command. */
export interface DecisionOutcome {
  commandId: string;
  dossierId: string;
  kind: string;
  eventId: string;
  eventType: string;
  status: string;
  nationalStatus: number | null;
  dueDate: string | null;
}

export class AgencyCommandRepository {
  async find(manager: EntityManager, commandId: string): Promise<StoredCommand | undefined> {
    const rows = (await manager.query(`SELECT command_id, agency_id, dossier_id, kind, result FROM agency_command WHERE command_id = $1`, [commandId])) as Array<{
      command_id: string;
      agency_id: string;
      dossier_id: string;
      kind: string;
      result: DecisionOutcome;
    }>;
    const row = rows[0];
    return row && { commandId: row.command_id, agencyId: row.agency_id, dossierId: row.dossier_id, kind: row.kind, result: row.result };
  }

  /** Remembers an applied command; sent with the transaction's next statement (its commit at the latest). */
  async insert(manager: EntityManager, command: StoredCommand, channel: string): Promise<void> {
    await writeWithNextStatement(manager, {
      text: `INSERT INTO agency_command (command_id, agency_id, dossier_id, kind, channel, result) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      values: [command.commandId, command.agencyId, command.dossierId, command.kind, channel, JSON.stringify(command.result)],
    });
  }
}
