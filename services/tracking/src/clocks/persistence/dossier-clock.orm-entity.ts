import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One clock of one dossier with its status as last evaluated (projection, rebuilt from the timeline). */
@Entity({ name: 'dossier_clocks' })
export class DossierClockOrmEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @PrimaryColumn({ name: 'clock_key', type: 'text' }) clockKey!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) party!: string;
  @Column({ name: 'leg_id', type: 'uuid', nullable: true }) legId!: string | null;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'working_days', type: 'integer', nullable: true }) workingDays!: number | null;
  @Column({ name: 'due_date', type: 'date', nullable: true }) dueDate!: string | null;
  @Column({ type: 'text' }) phase!: string;
  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true }) pausedAt!: Date | null;
  @Column({ type: 'integer' }) restarts!: number;
  @Column({ type: 'boolean' }) rescheduled!: boolean;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'closed_by', type: 'text', nullable: true }) closedBy!: string | null;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'evaluated_on', type: 'date' }) evaluatedOn!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
