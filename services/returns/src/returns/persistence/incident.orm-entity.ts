import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from './bigint.transformer';

/** The incident record of a loss or damage (QĐ 45 Đ14): what, the party at fault, cost and compensation. */
@Entity({ name: 'incidents' })
export class IncidentOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ name: 'leg_direction', type: 'text' })
  legDirection!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'affected_item', type: 'text' })
  affectedItem!: string;

  @Column({ name: 'party_at_fault', type: 'text' })
  partyAtFault!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  cost!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  compensation!: number;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  @Column({ name: 'actor_ref', type: 'text' })
  actorRef!: string;
}
