import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * "Consumer X has applied event Y": inserted in the same transaction as X's effect, so a redelivered
 * event finds its row and changes nothing (architecture.md §2.2). Created by CreateInboxTable1735689600001.
 */
@Entity({ name: 'inbox' })
export class InboxRecordOrmEntity {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  /** Text, not uuid: events from agency systems may carry ids of their own format. */
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt!: Date;
}
