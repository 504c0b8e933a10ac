import type { EntityManager } from 'typeorm';
import type { SimulatedDossier, ServiceForm, SimulationStep } from '../domain/simulated-dossier';
import type { SimulatorCommand } from '../domain/simulator-command';
import { SimulatedDossierOrmEntity } from './simulated-dossier.orm-entity';

export interface StoredDossier {
  dossier: SimulatedDossier;
  pendingCommands: SimulatorCommand[];
}

function toDomain(row: SimulatedDossierOrmEntity): StoredDossier {
  return {
    dossier: {
      dossierId: row.dossierId,
      agencyId: row.agencyId,
      step: row.step as SimulationStep,
      serviceForm: row.serviceForm as ServiceForm,
      componentCodes: row.componentCodes,
      decideAt: row.decideAt,
    },
    pendingCommands: row.pendingCommands,
  };
}

/** Every read locks the row: an event handler, the decision tick and the HTTP sender never interleave on one dossier. */
export class SimulatedDossierRepository {
  async lock(manager: EntityManager, dossierId: string): Promise<StoredDossier | null> {
    const row = await manager.getRepository(SimulatedDossierOrmEntity).findOne({ where: { dossierId }, lock: { mode: 'pessimistic_write' } });
    return row ? toDomain(row) : null;
  }

  async save(manager: EntityManager, stored: StoredDossier, lastError: string | null = null): Promise<void> {
    const { dossier } = stored;
    await manager.getRepository(SimulatedDossierOrmEntity).save({
      dossierId: dossier.dossierId,
      agencyId: dossier.agencyId,
      step: dossier.step,
      serviceForm: dossier.serviceForm,
      componentCodes: dossier.componentCodes,
      decideAt: dossier.decideAt,
      pendingCommands: stored.pendingCommands,
      lastError,
      updatedAt: new Date(),
    });
  }

  /** Dossiers whose decision is due, locked, skipping those another transaction holds. */
  async lockDue(manager: EntityManager, now: Date, limit: number): Promise<StoredDossier[]> {
    const rows = await manager
      .getRepository(SimulatedDossierOrmEntity)
      .createQueryBuilder('d')
      .where('d.decide_at IS NOT NULL AND d.decide_at <= :now', { now })
      .orderBy('d.decide_at', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return rows.map(toDomain);
  }

  /** Dossiers with HTTP calls still to make, locked, oldest first. */
  async lockPending(manager: EntityManager, limit: number): Promise<StoredDossier[]> {
    const rows = await manager
      .getRepository(SimulatedDossierOrmEntity)
      .createQueryBuilder('d')
      .where(`d.pending_commands <> '[]'::jsonb`)
      .orderBy('d.updated_at', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return rows.map(toDomain);
  }

  async countByStep(manager: EntityManager): Promise<Record<string, number>> {
    const rows: Array<{ step: string; count: string }> = await manager.query(`SELECT step, count(*)::text AS count FROM simulated_dossiers GROUP BY step`);
    return Object.fromEntries(rows.map((r) => [r.step, Number(r.count)]));
  }
}
