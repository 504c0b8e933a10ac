import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ScanKind } from '../domain/leg-status';

/** One courier scan; at most one per kind and leg, which makes a repeated scan a no-op. */
@Entity({ name: 'courier_scans' })
export class CourierScanOrmEntity {
  @PrimaryColumn({ name: 'leg_id', type: 'uuid' })
  legId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: ScanKind;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;

  @Column({ name: 'scanned_at', type: 'timestamptz' })
  scannedAt!: Date;

  @Column({ name: 'bag_ref', type: 'text', nullable: true })
  bagRef!: string | null;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  @Column({ name: 'actor_ref', type: 'text' })
  actorRef!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
