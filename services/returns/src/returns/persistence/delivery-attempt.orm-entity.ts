import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryFailureReason, PartyKind } from '../domain/delivery-failure-reason';

/** A failed home delivery (UPU EMH) with who bears the cost of delivering again (QĐ 45 Đ12.4). */
@Entity({ name: 'delivery_attempts' })
export class DeliveryAttemptOrmEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @PrimaryColumn({ name: 'attempt_number', type: 'integer' })
  attemptNumber!: number;

  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt!: Date;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;

  @Column({ name: 'reason_code', type: 'text' })
  reasonCode!: DeliveryFailureReason;

  @Column({ name: 'cost_borne_by', type: 'text' })
  costBorneBy!: PartyKind;

  @Column({ name: 'invitation_left', type: 'boolean' })
  invitationLeft!: boolean;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  @Column({ name: 'actor_ref', type: 'text' })
  actorRef!: string;
}
