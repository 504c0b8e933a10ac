import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DossierFact } from '../domain/dossier-fact';

/** One dossier's counting fact (a projection of the timeline). */
@Entity({ name: 'counting_dossier_facts' })
export class DossierFactOrmEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @Column({ type: 'jsonb' }) fact!: DossierFact;
  @Column({ type: 'text', nullable: true }) stage!: string | null;
  @Column({ name: 'stage_event_time', type: 'timestamptz', nullable: true }) stageEventTime!: Date | null;
  @Column({ type: 'boolean' }) open!: boolean;
  @Column({ name: 'intake_postal_code', type: 'text', nullable: true }) intakePostalCode!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** Daily sums per scope keys (written with SQL upserts; the entity documents the shape). */
@Entity({ name: 'counting_daily_counts' })
export class DailyCountOrmEntity {
  @PrimaryColumn({ type: 'text' }) basis!: string;
  @PrimaryColumn({ type: 'text' }) metric!: string;
  @PrimaryColumn({ type: 'date' }) day!: string;
  @PrimaryColumn({ name: 'province_code', type: 'text' }) provinceCode!: string;
  @PrimaryColumn({ name: 'commune_code', type: 'text' }) communeCode!: string;
  @PrimaryColumn({ name: 'postal_code', type: 'text' }) postalCode!: string;
  @PrimaryColumn({ name: 'agency_id', type: 'text' }) agencyId!: string;
  @PrimaryColumn({ name: 'procedure_code', type: 'text' }) procedureCode!: string;
  @Column({ type: 'bigint' }) value!: string;
}

@Entity({ name: 'counting_denominator_imports' })
export class DenominatorImportOrmEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' }) importId!: string;
  @Column({ name: 'period_start', type: 'date' }) periodStart!: string;
  @Column({ name: 'period_end', type: 'date' }) periodEnd!: string;
  @Column({ name: 'province_code', type: 'text', nullable: true }) provinceCode!: string | null;
  @Column({ type: 'text' }) source!: string;
  @Column({ name: 'row_count', type: 'integer' }) rowCount!: number;
  @Column({ name: 'imported_at', type: 'timestamptz' }) importedAt!: Date;
  @Column({ name: 'actor_ref', type: 'text' }) actorRef!: string;
  @Column({ name: 'replaced_rows', type: 'integer' }) replacedRows!: number;
}

@Entity({ name: 'counting_denominator_rows' })
export class DenominatorRowOrmEntity {
  @PrimaryColumn({ name: 'period_start', type: 'date' }) periodStart!: string;
  @PrimaryColumn({ name: 'period_end', type: 'date' }) periodEnd!: string;
  @PrimaryColumn({ name: 'agency_id', type: 'text' }) agencyId!: string;
  @PrimaryColumn({ name: 'procedure_code', type: 'text' }) procedureCode!: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode!: string;
  @Column({ name: 'import_id', type: 'uuid' }) importId!: string;
  @Column({ type: 'integer' }) received!: number;
  @Column({ type: 'integer' }) resolved!: number;
  @Column({ name: 'received_in_person', type: 'integer', nullable: true }) receivedInPerson!: number | null;
  @Column({ name: 'received_online', type: 'integer', nullable: true }) receivedOnline!: number | null;
  @Column({ name: 'received_bcci', type: 'integer', nullable: true }) receivedBcci!: number | null;
}

@Entity({ name: 'operations_stage_minutes' })
export class StageMinuteOrmEntity {
  @PrimaryColumn({ type: 'timestamptz' }) minute!: Date;
  @PrimaryColumn({ type: 'text' }) stage!: string;
  @PrimaryColumn({ name: 'postal_code', type: 'text' }) postalCode!: string;
  @Column({ type: 'integer' }) events!: number;
}
