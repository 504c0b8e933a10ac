import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgencyDossierState } from '../domain/agency-dossier';

/** One dossier as the gateway knows it; `state` is the aggregate, the other columns serve queries. */
@Entity({ name: 'agency_dossier' })
export class AgencyDossierOrmEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ name: 'agency_id', type: 'text', nullable: true })
  agencyId!: string | null;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'national_status', type: 'smallint', nullable: true })
  nationalStatus!: number | null;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'jsonb' })
  state!: AgencyDossierState;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
