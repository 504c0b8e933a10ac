import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HandoverRecordStatus } from '../domain/handover-record';
import type { AgencySignatureSource } from '../domain/handover-signatures.rule';

/** The handover record (Biên bản giao nhận, QĐ 45 Đ7.3) for one or more dossiers of one agency. */
@Entity({ name: 'handover_records' })
export class HandoverRecordOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'record_number', type: 'text' })
  recordNumber!: string;

  @Column({ name: 'agency_id', type: 'text' })
  agencyId!: string;

  @Column({ name: 'origin_postal_code', type: 'text' })
  originPostalCode!: string;

  @Column({ type: 'text' })
  status!: HandoverRecordStatus;

  @Column({ name: 'postal_signer_role', type: 'text' })
  postalSignerRole!: string;

  @Column({ name: 'postal_signer_ref', type: 'text' })
  postalSignerRef!: string;

  @Column({ name: 'postal_signed_at', type: 'timestamptz' })
  postalSignedAt!: Date;

  /** The receiver's name as written on the paper record; kept here, never put on Kafka. */
  @Column({ name: 'agency_signer_name', type: 'text', nullable: true })
  agencySignerName!: string | null;

  @Column({ name: 'agency_signer_role', type: 'text', nullable: true })
  agencySignerRole!: string | null;

  @Column({ name: 'agency_signer_ref', type: 'text', nullable: true })
  agencySignerRef!: string | null;

  @Column({ name: 'agency_signed_at', type: 'timestamptz', nullable: true })
  agencySignedAt!: Date | null;

  @Column({ name: 'agency_signature_source', type: 'text', nullable: true })
  agencySignatureSource!: AgencySignatureSource | null;

  /** Legal filing time: set once both signatures are present. */
  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt!: Date | null;

  @Column({ name: 'remittance_method', type: 'text' })
  remittanceMethod!: 'CASH' | 'BANK_TRANSFER';

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
