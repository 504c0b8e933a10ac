import type { DocumentToTakeBack } from '@bcci/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryMode, ReturnedItem, ReturnStatus, ServiceForm } from '../domain/return-status';
import { bigintNumber } from './bigint.transformer';

/**
 * One dossier's return, built from what returns learnt on Kafka (never from another service's
 * database): the registration's return destination, the agency's result (or refusal slip), and the
 * return leg once both are known.
 */
@Entity({ name: 'returns' })
export class ReturnOrmEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ type: 'text' })
  status!: ReturnStatus;

  // From the registration (bcci.intake.dossier-registered.v1).
  @Column({ name: 'service_form', type: 'text', nullable: true })
  serviceForm!: ServiceForm | null;

  @Column({ name: 'recipient_ref', type: 'uuid', nullable: true })
  recipientRef!: string | null;

  @Column({ name: 'delivery_mode', type: 'text', nullable: true })
  deliveryMode!: DeliveryMode | null;

  @Column({ name: 'destination_postal_code', type: 'text', nullable: true })
  destinationPostalCode!: string | null;

  @Column({ name: 'destination_province_code', type: 'text', nullable: true })
  destinationProvinceCode!: string | null;

  // From the agency (result-issued, or dossier-rejected with the refusal slip).
  @Column({ name: 'returned_item', type: 'text', nullable: true })
  returnedItem!: ReturnedItem | null;

  @Column({ name: 'result_id', type: 'uuid', nullable: true })
  resultId!: string | null;

  @Column({ name: 'agency_id', type: 'text', nullable: true })
  agencyId!: string | null;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  @Column({ name: 'fees_owed', type: 'bigint', nullable: true, transformer: bigintNumber })
  feesOwed!: number | null;

  /** What the recipient hands back for the agency before getting the result (TT 17/2017 Đ5.2.đ). */
  @Column({ name: 'documents_to_take_back', type: 'jsonb', default: () => "'[]'::jsonb" })
  documentsToTakeBack!: DocumentToTakeBack[];

  // The return leg.
  @Column({ name: 'leg_id', type: 'uuid', nullable: true })
  legId!: string | null;

  @Column({ name: 's10_item_id', type: 'text', nullable: true })
  s10ItemId!: string | null;

  @Column({ name: 'leg_class', type: 'text', nullable: true })
  legClass!: string | null;

  @Column({ name: 'start_day', type: 'text', nullable: true })
  startDay!: string | null;

  @Column({ name: 'working_days', type: 'integer', nullable: true })
  workingDays!: number | null;

  @Column({ name: 'due_date', type: 'text', nullable: true })
  dueDate!: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ name: 'picked_up_at', type: 'timestamptz', nullable: true })
  pickedUpAt!: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt!: Date | null;

  /** Times of the invitations (failed home attempts or counter notices), ISO strings in order. */
  @Column({ type: 'jsonb' })
  invitations!: string[];

  @Column({ name: 'last_step_at', type: 'timestamptz', nullable: true })
  lastStepAt!: Date | null;

  /** The chain's correlation id, carried by every event of the leg. */
  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
