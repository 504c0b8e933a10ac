import type { Actor } from '@bcci/auth';
import type { DataSource } from 'typeorm';
import { legNotFound } from '../domain/forwarding.errors';
import { findLegWithScansAndRecord } from '../persistence/postal-leg.reads';
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
    const found = await findLegWithScansAndRecord(this.dataSource.manager, dossierId);
    if (!found) throw legNotFound(`dossier ${dossierId}`);
    assertMayReadLeg(actor, found.leg);
    return legView(found.leg, this.clock.now(), { scans: found.scans, record: found.record });
  }
}
