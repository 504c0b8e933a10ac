import type { Actor } from '@bcci/auth';
import { EntityTable } from '@bcci/persistence';
import type { DataSource } from 'typeorm';
import { legNotFound } from '../domain/forwarding.errors';
import { CourierScanOrmEntity } from '../persistence/courier-scan.orm-entity';
import { HandoverRecordOrmEntity } from '../persistence/handover-record.orm-entity';
import { PostalLegOrmEntity } from '../persistence/postal-leg.orm-entity';
import type { Clock } from './clock';
import { legView, type LegView } from './leg.view';
import { assertMayReadLeg } from './read-scope';

/** The leg of one dossier: status, J + n, late or not, scans and handover. */
export class GetLegQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, dossierId: string): Promise<LegView> {
    const manager = this.dataSource.manager;
    const leg = await EntityTable.of(manager, PostalLegOrmEntity).findOne(manager, { dossierId });
    if (!leg) throw legNotFound(`dossier ${dossierId}`);
    assertMayReadLeg(actor, leg);
    const scans = await EntityTable.of(manager, CourierScanOrmEntity).find(manager, { legId: leg.id }, { orderBy: ['scannedAt'] });
    const record = leg.handoverRecordId ? ((await EntityTable.of(manager, HandoverRecordOrmEntity).findOne(manager, { id: leg.handoverRecordId })) ?? null) : null;
    return legView(leg, this.clock.now(), { scans, record });
  }
}
