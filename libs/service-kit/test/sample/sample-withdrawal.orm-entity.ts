import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'sample_withdrawal' })
export class SampleWithdrawalOrmEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;

  @Column({ type: 'text' })
  reason!: string;
}
