import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The dossier summary projection (rebuilt from the timeline; never written by anything else). */
@Entity({ name: 'dossier_summaries' })
export class DossierSummaryOrmEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @Column({ name: 'provisional_dossier_id', type: 'text', nullable: true }) provisionalDossierId!: string | null;
  @Column({ name: 'dossier_code', type: 'text', nullable: true }) dossierCode!: string | null;
  @Column({ name: 'procedure_code', type: 'text', nullable: true }) procedureCode!: string | null;
  @Column({ name: 'intake_postal_code', type: 'text', nullable: true }) intakePostalCode!: string | null;
  @Column({ name: 'province_code', type: 'text', nullable: true }) provinceCode!: string | null;
  @Column({ name: 'agency_id', type: 'text', nullable: true }) agencyId!: string | null;
  @Column({ name: 'agency_province_code', type: 'text', nullable: true }) agencyProvinceCode!: string | null;
  @Column({ name: 'service_form', type: 'text', nullable: true }) serviceForm!: string | null;
  @Column({ name: 'receiving_channel', type: 'smallint', nullable: true }) receivingChannel!: number | null;
  @Column({ name: 'return_postal_code', type: 'text', nullable: true }) returnPostalCode!: string | null;
  @Column({ name: 'current_stage', type: 'text' }) currentStage!: string;
  @Column({ name: 'national_status', type: 'smallint', nullable: true }) nationalStatus!: number | null;
  @Column({ name: 'intake_day', type: 'date', nullable: true }) intakeDay!: string | null;
  @Column({ name: 'registered_at', type: 'timestamptz', nullable: true }) registeredAt!: Date | null;
  @Column({ name: 'filed_at', type: 'timestamptz', nullable: true }) filedAt!: Date | null;
  @Column({ name: 'result_issued_at', type: 'timestamptz', nullable: true }) resultIssuedAt!: Date | null;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  @Column({ name: 'first_event_at', type: 'timestamptz' }) firstEventAt!: Date;
  @Column({ name: 'last_event_at', type: 'timestamptz' }) lastEventAt!: Date;
  @Column({ name: 'event_count', type: 'integer' }) eventCount!: number;
  @Column({ name: 'lookup_pin_hash', type: 'text', nullable: true }) lookupPinHash!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
