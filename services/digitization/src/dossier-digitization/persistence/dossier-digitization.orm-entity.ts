import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { DigitizationComponentOrmEntity } from './digitization-component.orm-entity';

/** A dossier known from intake's dossier-registered event, and where its digitization stands. */
@Entity({ name: 'dossier_digitizations' })
export class DossierDigitizationOrmEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ name: 'provisional_dossier_id', type: 'text' })
  provisionalDossierId!: string;

  @Column({ name: 'procedure_code', type: 'text' })
  procedureCode!: string;

  @Column({ name: 'intake_day', type: 'date' })
  intakeDay!: string;

  @Column({ name: 'catalog_version', type: 'text' })
  catalogVersion!: string;

  @Column({ name: 'site_kind', type: 'text' })
  siteKind!: string;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;

  @Column({ name: 'province_code', type: 'text', nullable: true })
  provinceCode!: string | null;

  @Column({ name: 'return_postal_code', type: 'text', nullable: true })
  returnPostalCode!: string | null;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason!: string | null;

  @OneToMany(() => DigitizationComponentOrmEntity, (component) => component.dossier)
  components!: DigitizationComponentOrmEntity[];
}
