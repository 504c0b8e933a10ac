import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LegStatus } from '../domain/leg-status';

/** A registered fee line as collected at intake (phí, lệ phí), kept to remit it with the handover. */
export interface StoredFeeLine {
  feeCode: string;
  label?: string;
  amount: number;
}

/**
 * The leg carrying one sealed dossier from its intake postal point to the competent agency. Holds
 * what forwarding learnt from the registration (never from another service's database): the sending
 * slip's document count and the agency fees collected.
 */
@Entity({ name: 'postal_legs' })
export class PostalLegOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index({ unique: true })
  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Index({ unique: true })
  @Column({ name: 's10_item_id', type: 'text' })
  s10ItemId!: string;

  @Column({ name: 'provisional_dossier_id', type: 'text' })
  provisionalDossierId!: string;

  @Column({ name: 'procedure_code', type: 'text' })
  procedureCode!: string;

  @Column({ name: 'agency_id', type: 'text' })
  agencyId!: string;

  @Column({ name: 'competence_date', type: 'text' })
  competenceDate!: string;

  @Column({ name: 'origin_postal_code', type: 'text' })
  originPostalCode!: string;

  @Column({ name: 'origin_province_code', type: 'text', nullable: true })
  originProvinceCode!: string | null;

  @Column({ name: 'leg_class', type: 'text' })
  legClass!: string;

  @Column({ name: 'start_day', type: 'text' })
  startDay!: string;

  @Column({ name: 'working_days', type: 'integer' })
  workingDays!: number;

  @Column({ name: 'due_date', type: 'text' })
  dueDate!: string;

  @Column({ type: 'text' })
  status!: LegStatus;

  @Column({ name: 'documents_on_slip', type: 'integer' })
  documentsOnSlip!: number;

  @Column({ name: 'agency_fees_total', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  agencyFeesTotal!: number;

  @Column({ name: 'agency_fee_lines', type: 'jsonb' })
  agencyFeeLines!: StoredFeeLine[];

  @Column({ name: 'handover_record_id', type: 'uuid', nullable: true })
  handoverRecordId!: string | null;

  @Column({ name: 'postal_signed_at', type: 'timestamptz', nullable: true })
  postalSignedAt!: Date | null;

  @Column({ name: 'filed_at', type: 'timestamptz', nullable: true })
  filedAt!: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'catalog_version', type: 'text' })
  catalogVersion!: string;

  /** The chain's correlation id (the registration's), carried by every event of this leg. */
  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;
}
