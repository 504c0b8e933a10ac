import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One dossier of a handover record with the count both sides agreed on. */
@Entity({ name: 'handover_record_items' })
export class HandoverRecordItemOrmEntity {
  @PrimaryColumn({ name: 'handover_record_id', type: 'uuid' })
  handoverRecordId!: string;

  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ name: 'leg_id', type: 'uuid' })
  legId!: string;

  @Column({ name: 'documents_counted', type: 'integer' })
  documentsCounted!: number;
}
