import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CloudEvent } from '../envelope/cloud-event';

/**
 * One event waiting for (or done with) publication. Written in the use case's transaction by
 * OutboxWriter; read, published and marked by OutboxRelay. The table is created by
 * CreateOutboxTable1735689600000; this entity is for services that want to inspect it.
 */
@Entity({ name: 'outbox' })
@Index('outbox_unpublished_idx', ['id'], { where: 'published_at IS NULL' })
export class OutboxMessageOrmEntity {
  /** bigint arrives as a string from pg; order of insertion, NOT of commit. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'event_id', type: 'uuid', unique: true })
  eventId!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'message_key', type: 'text', nullable: true })
  messageKey!: string | null;

  /** The full CloudEvents envelope, published as the message value. */
  @Column({ type: 'jsonb' })
  envelope!: CloudEvent;

  /** Kafka headers, e.g. traceparent. */
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  headers!: Record<string, string>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
