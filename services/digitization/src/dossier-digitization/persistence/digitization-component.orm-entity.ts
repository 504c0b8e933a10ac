import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { DossierDigitizationOrmEntity } from './dossier-digitization.orm-entity';

/** One component of a dossier: its current document (scan or reuse) and certification. */
@Entity({ name: 'digitization_components' })
@Unique('uq_digitization_components_code', ['dossierId', 'componentCode'])
export class DigitizationComponentOrmEntity {
  @PrimaryColumn({ name: 'component_id', type: 'uuid' })
  componentId!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @ManyToOne(() => DossierDigitizationOrmEntity, (dossier) => dossier.components, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossier_id' })
  dossier?: DossierDigitizationOrmEntity;

  @Column({ name: 'component_code', type: 'text' })
  componentCode!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'integer' })
  originals!: number;

  @Column({ type: 'integer' })
  copies!: number;

  @Column({ type: 'boolean' })
  required!: boolean;

  @Column({ name: 'certification_required', type: 'boolean' })
  certificationRequired!: boolean;

  @Column({ name: 'content_hash', type: 'text', nullable: true })
  contentHash!: string | null;

  @Column({ name: 'digitized_at', type: 'timestamptz', nullable: true })
  digitizedAt!: Date | null;

  @Column({ name: 'digitized_by_role', type: 'text', nullable: true })
  digitizedByRole!: string | null;

  @Column({ name: 'digitized_by_ref', type: 'text', nullable: true })
  digitizedByRef!: string | null;

  @Column({ name: 'reuse_source_kind', type: 'text', nullable: true })
  reuseSourceKind!: string | null;

  @Column({ name: 'reuse_source_ref', type: 'text', nullable: true })
  reuseSourceRef!: string | null;

  @Column({ name: 'reuse_source_component_code', type: 'text', nullable: true })
  reuseSourceComponentCode!: string | null;

  @Column({ name: 'source_certified', type: 'boolean', default: false })
  sourceCertified!: boolean;

  @Column({ name: 'certification_kind', type: 'text', nullable: true })
  certificationKind!: string | null;

  @Column({ name: 'certified_at', type: 'timestamptz', nullable: true })
  certifiedAt!: Date | null;

  @Column({ name: 'certified_by_role', type: 'text', nullable: true })
  certifiedByRole!: string | null;

  @Column({ name: 'certified_by_ref', type: 'text', nullable: true })
  certifiedByRef!: string | null;

  @Column({ name: 'certification_note', type: 'text', nullable: true })
  certificationNote!: string | null;
}
