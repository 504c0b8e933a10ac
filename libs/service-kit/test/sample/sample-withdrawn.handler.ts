import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@bcci/messaging';
import type { EntityManager } from 'typeorm';
import { OnEvent } from '../../src';

@Injectable()
export class SampleWithdrawnHandler {
  @OnEvent('bcci.intake.dossier-withdrawn.v1')
  async onWithdrawn(event: CloudEvent, manager: EntityManager): Promise<void> {
    const data = event.data as { dossierId: string };
    // A plain INSERT: a second run for the same event would fail on the primary key, so the test
    // proves the inbox stopped the redelivery before the handler.
    await manager.query(`INSERT INTO sample_seen_event (event_id, dossier_id) VALUES ($1, $2)`, [event.id, data.dossierId]);
  }
}
