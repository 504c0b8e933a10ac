import { lockWithNextStatement, writeWithNextStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { AgencyDossierState } from '../../dossiers/domain/agency-dossier';

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

interface CommandRow {
  command_id: string;
  agency_id: string;
  dossier_id: string;
  kind: string;
  result: DecisionOutcome;
}

export class AgencyCommandRepository {
  /**
   * What a decision starts from, in one round trip: the dossier's row locked for the rest of the
   * transaction, then its state and the command id's earlier use read by a statement that runs once the
   * lock is granted. A second command with the same id, sent at once, waits for the first's lock and then
   * sees its command (and answers it as a replay) rather than the state it left behind.
   */
  async lockDossierAndFind(manager: EntityManager, dossierId: string, commandId: string): Promise<{ state: AgencyDossierState | undefined; previous: StoredCommand | undefined }> {
    await lockWithNextStatement(manager, { text: `SELECT 1 FROM agency_dossier WHERE dossier_id = $1 FOR UPDATE`, values: [dossierId] });
    const [row] = (await manager.query(
      `SELECT (SELECT state FROM agency_dossier WHERE dossier_id = $1) AS state,
              (SELECT row_to_json(command) FROM (SELECT command_id, agency_id, dossier_id, kind, result FROM agency_command WHERE command_id = $2) command) AS command`,
      [dossierId, commandId],
    )) as Array<{ state: AgencyDossierState | null; command: CommandRow | null }>;
    const command = row?.command;
    return {
      state: row?.state ?? undefined,
      previous: command ? { commandId: command.command_id, agencyId: command.agency_id, dossierId: command.dossier_id, kind: command.kind, result: command.result } : undefined,
    };
  }

  /** Remembers an applied command; sent with the transaction's next statement (its commit at the latest). */
  async insert(manager: EntityManager, command: StoredCommand, channel: string): Promise<void> {
    await writeWithNextStatement(manager, {
      text: `INSERT INTO agency_command (command_id, agency_id, dossier_id, kind, channel, result) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      values: [command.commandId, command.agencyId, command.dossierId, command.kind, channel, JSON.stringify(command.result)],
    });
  }
}
