import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export interface RemittedDossier {
  dossierId: string;
  amount: number;
}

/** The remittance of agency fees made with one handover (QĐ 45 Đ7.5, Đ15.2). */
@Entity({ name: 'fee_remittances' })
export class FeeRemittanceOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index({ unique: true })
  @Column({ name: 'handover_record_id', type: 'uuid' })
  handoverRecordId!: string;

  @Column({ name: 'agency_id', type: 'text' })
  agencyId!: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  total!: number;

  @Column({ name: 'dossier_count', type: 'integer' })
  dossierCount!: number;

  @Column({ type: 'text' })
  method!: 'CASH' | 'BANK_TRANSFER';

  @Column({ name: 'remitted_at', type: 'timestamptz' })
  remittedAt!: Date;

  @Column({ type: 'jsonb' })
  dossiers!: RemittedDossier[];
}
