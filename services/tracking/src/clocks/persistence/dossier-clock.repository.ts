import type { SqlStatement } from '@bcci/persistence';
import type { LocalDate } from '@bcci/kernel';
import type { EntityManager } from 'typeorm';
import { scopeCondition, type SummaryScope } from '../../dossiers/persistence/dossier-summary.repository';
import type { ClockStatus } from '../domain/clock-status';
import type { DossierClock } from '../domain/dossier-clock';

/** A clock joined with its dossier's identifiers, as the overdue and at-risk lists show it. */
export interface ListedClock {
  dossierId: string;
  provisionalDossierId: string | null;
  dossierCode: string | null;
  procedureCode: string | null;
  intakePostalCode: string | null;
  agencyId: string | null;
  provinceCode: string | null;
  clockKey: string;
  kind: string;
  party: string;
  startedAt: string | null;
  dueDate: string | null;
  closedAt: string | null;
  status: string;
}

export interface ClockListQuery {
  /** Running clocks due before this day are overdue. */
  overdueBefore?: LocalDate;
  /** Running clocks due within [from, to] are at risk. */
  dueBetween?: { from: LocalDate; to: LocalDate };
  includeClosedLate?: boolean;
  party?: string;
  scope?: SummaryScope;
  limit: number;
  offset: number;
}

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export class DossierClockRepository {
  /**
   * The dossier's clocks become exactly `clocks`, in one statement (this runs for every event tracking
   * records, and each round trip to PostgreSQL is most of its cost): clocks no longer derived are
   * deleted, the others inserted or updated in place.
   */
  async replaceForDossier(manager: EntityManager, dossierId: string, clocks: ReadonlyArray<{ clock: DossierClock; status: ClockStatus }>, today: LocalDate): Promise<void> {
    const statement = this.replaceForDossiersStatement([{ dossierId, clocks }], today);
    await manager.query(statement.text, [...statement.values]);
  }

  /**
   * Each dossier's clocks become exactly its `clocks`, for any number of dossiers in one statement
   * whose text does not change (the live recorder sends it with a consumer run's other writes).
   */
  replaceForDossiersStatement(dossiers: ReadonlyArray<{ dossierId: string; clocks: ReadonlyArray<{ clock: DossierClock; status: ClockStatus }> }>, today: LocalDate): SqlStatement {
    const rows = dossiers.flatMap(({ dossierId, clocks }) => clocks.map((entry) => ({ dossierId, ...entry })));
    const column = <T>(pick: (entry: { dossierId: string; clock: DossierClock; status: ClockStatus }) => T) => rows.map(pick);
    return {
      text: `WITH stale_clocks AS (
         DELETE FROM dossier_clocks WHERE dossier_id = ANY($1::uuid[])
           AND (dossier_id, clock_key) NOT IN (SELECT * FROM unnest($2::uuid[], $3::text[])))
       INSERT INTO dossier_clocks (dossier_id, clock_key, kind, party, leg_id, started_at, working_days, due_date, phase, paused_at, restarts,
         rescheduled, closed_at, closed_by, status, evaluated_on)
       SELECT *, $17::date FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::timestamptz[], $8::int[], $9::date[], $10::text[],
         $11::timestamptz[], $12::int[], $13::boolean[], $14::timestamptz[], $15::text[], $16::text[])
       ON CONFLICT (dossier_id, clock_key) DO UPDATE SET kind = EXCLUDED.kind, party = EXCLUDED.party, leg_id = EXCLUDED.leg_id,
         started_at = EXCLUDED.started_at, working_days = EXCLUDED.working_days, due_date = EXCLUDED.due_date, phase = EXCLUDED.phase,
         paused_at = EXCLUDED.paused_at, restarts = EXCLUDED.restarts, rescheduled = EXCLUDED.rescheduled, closed_at = EXCLUDED.closed_at,
         closed_by = EXCLUDED.closed_by, status = EXCLUDED.status, evaluated_on = EXCLUDED.evaluated_on, updated_at = now()`,
      values: [
        dossiers.map(({ dossierId }) => dossierId),
        column((c) => c.dossierId),
        column((c) => c.clock.key),
        column((c) => c.clock.kind),
        column((c) => c.clock.party),
        column((c) => c.clock.legId ?? null),
        column((c) => c.clock.startedAt ?? null),
        column((c) => c.clock.workingDays ?? null),
        column((c) => c.clock.dueDate ?? null),
        column((c) => c.clock.phase),
        column((c) => c.clock.pausedAt ?? null),
        column((c) => c.clock.restarts),
        column((c) => c.clock.rescheduled),
        column((c) => c.clock.closedAt ?? null),
        column((c) => c.clock.closedBy ?? null),
        column((c) => c.status),
        today,
      ],
    };
  }

  async deleteAll(manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM dossier_clocks`);
  }

  async forDossier(manager: EntityManager, dossierId: string): Promise<DossierClock[]> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT clock_key, kind, party, leg_id, started_at, working_days, due_date::text AS due_date, phase, paused_at, restarts, rescheduled, closed_at, closed_by
       FROM dossier_clocks WHERE dossier_id = $1 ORDER BY clock_key`,
      [dossierId],
    );
    return rows.map((row) => {
      const clock: Record<string, unknown> = {
        key: row.clock_key,
        kind: row.kind,
        party: row.party,
        legId: row.leg_id ?? undefined,
        startedAt: iso(row.started_at as Date | null) ?? undefined,
        workingDays: row.working_days ?? undefined,
        dueDate: row.due_date ?? undefined,
        phase: row.phase,
        pausedAt: iso(row.paused_at as Date | null) ?? undefined,
        restarts: row.restarts,
        rescheduled: row.rescheduled,
        closedAt: iso(row.closed_at as Date | null) ?? undefined,
        closedBy: row.closed_by ?? undefined,
      };
      for (const key of Object.keys(clock)) if (clock[key] === undefined) delete clock[key];
      return clock as unknown as DossierClock;
    });
  }

  /** Running clocks (with a due date) after a key, for the periodic evaluation. */
  async runningAfter(manager: EntityManager, after: { dossierId: string; clockKey: string }, limit: number): Promise<Array<{ dossierId: string; clockKey: string; dueDate: string; status: string }>> {
    const rows: Array<{ dossier_id: string; clock_key: string; due_date: string; status: string }> = await manager.query(
      `SELECT dossier_id, clock_key, due_date::text AS due_date, status FROM dossier_clocks
       WHERE phase = 'RUNNING' AND due_date IS NOT NULL AND (dossier_id, clock_key) > ($1, $2)
       ORDER BY dossier_id, clock_key LIMIT $3`,
      [after.dossierId, after.clockKey, limit],
    );
    return rows.map((row) => ({ dossierId: row.dossier_id, clockKey: row.clock_key, dueDate: row.due_date, status: row.status }));
  }

  async setStatus(manager: EntityManager, dossierId: string, clockKey: string, status: ClockStatus, today: LocalDate): Promise<void> {
    await manager.query(`UPDATE dossier_clocks SET status = $3, evaluated_on = $4, updated_at = now() WHERE dossier_id = $1 AND clock_key = $2`, [dossierId, clockKey, status, today]);
  }

  /**
   * Overdue or at-risk clocks computed from the due dates at query time (never from a stale status),
   * with their dossiers' identifiers, most overdue (earliest due) first.
   */
  async list(manager: EntityManager, query: ClockListQuery): Promise<{ items: ListedClock[]; total: number }> {
    const parameters: unknown[] = [];
    const conditions: string[] = [];
    if (query.overdueBefore) {
      parameters.push(query.overdueBefore);
      const running = `(c.phase = 'RUNNING' AND c.due_date < $${parameters.length})`;
      conditions.push(query.includeClosedLate ? `(${running} OR c.status = 'LATE')` : running);
    }
    if (query.dueBetween) {
      parameters.push(query.dueBetween.from, query.dueBetween.to);
      conditions.push(`(c.phase = 'RUNNING' AND c.due_date BETWEEN $${parameters.length - 1} AND $${parameters.length})`);
    }
    if (query.party) {
      parameters.push(query.party);
      conditions.push(`c.party = $${parameters.length}`);
    }
    conditions.push(scopeCondition(query.scope, parameters));
    const where = conditions.join(' AND ');
    const [{ total }]: Array<{ total: string }> = await manager.query(
      `SELECT count(*)::text AS total FROM dossier_clocks c JOIN dossier_summaries s ON s.dossier_id = c.dossier_id WHERE ${where}`,
      parameters,
    );
    parameters.push(query.limit, query.offset);
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT c.dossier_id, s.provisional_dossier_id, s.dossier_code, s.procedure_code, s.intake_postal_code, s.agency_id, s.province_code,
         c.clock_key, c.kind, c.party, c.started_at, c.due_date::text AS due_date, c.closed_at, c.status
       FROM dossier_clocks c JOIN dossier_summaries s ON s.dossier_id = c.dossier_id
       WHERE ${where} ORDER BY c.due_date, c.dossier_id, c.clock_key LIMIT $${parameters.length - 1} OFFSET $${parameters.length}`,
      parameters,
    );
    return {
      total: Number(total),
      items: rows.map((row) => ({
        dossierId: row.dossier_id as string,
        provisionalDossierId: row.provisional_dossier_id as string | null,
        dossierCode: row.dossier_code as string | null,
        procedureCode: row.procedure_code as string | null,
        intakePostalCode: row.intake_postal_code as string | null,
        agencyId: row.agency_id as string | null,
        provinceCode: row.province_code as string | null,
        clockKey: row.clock_key as string,
        kind: row.kind as string,
        party: row.party as string,
        startedAt: iso(row.started_at as Date | null),
        dueDate: row.due_date as string | null,
        closedAt: iso(row.closed_at as Date | null),
        status: row.status as string,
      })),
    };
  }
}
