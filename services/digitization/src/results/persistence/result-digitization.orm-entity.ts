import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A result known from agency-gateway's result-issued event, and its digitization. */
@Entity({ name: 'result_digitizations' })
@Index('ix_result_digitizations_dossier', ['dossierId'])
export class ResultDigitizationOrmEntity {
  @PrimaryColumn({ name: 'result_id', type: 'uuid' })
  resultId!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ name: 'agency_id', type: 'text' })
  agencyId!: string;

  @Column({ type: 'text' })
  medium!: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'content_hash', type: 'text', nullable: true })
  contentHash!: string | null;

  @Column({ type: 'boolean', default: false })
  certified!: boolean;

  @Column({ name: 'digitized_at', type: 'timestamptz', nullable: true })
  digitizedAt!: Date | null;

  @Column({ name: 'digitized_by_role', type: 'text', nullable: true })
  digitizedByRole!: string | null;

  @Column({ name: 'digitized_by_ref', type: 'text', nullable: true })
  digitizedByRef!: string | null;
}
