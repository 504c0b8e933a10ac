import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One event of one dossier, as recorded (append-only, hash-chained per dossier in `sequence` order). */
@Entity({ name: 'timeline_entries' })
export class TimelineEntryOrmEntity {
  /** Global recording order (bigserial): the order replays follow. */
  @PrimaryColumn({ type: 'bigint' }) position!: string;
  @Column({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @Column({ type: 'integer' }) sequence!: number;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'event_type', type: 'text' }) eventType!: string;
  @Column({ name: 'event_time', type: 'timestamptz' }) eventTime!: Date;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
  @Column({ type: 'text' }) stage!: string;
  @Column({ name: 'postal_code', type: 'text', nullable: true }) postalCode!: string | null;
  @Column({ name: 'actor_role', type: 'text', nullable: true }) actorRole!: string | null;
  @Column({ name: 'national_status', type: 'smallint', nullable: true }) nationalStatus!: number | null;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @Column({ name: 'previous_hash', type: 'char', length: 64 }) previousHash!: string;
  @Column({ type: 'char', length: 64 }) hash!: string;
}
