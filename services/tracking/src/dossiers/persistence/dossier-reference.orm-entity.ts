import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A reference a dossier can be found by: provisional id, dossier code, S10 item id (forward or return leg). */
@Entity({ name: 'dossier_references' })
export class DossierReferenceOrmEntity {
  @PrimaryColumn({ type: 'text' }) reference!: string;
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @Column({ type: 'text' }) kind!: string;
}
