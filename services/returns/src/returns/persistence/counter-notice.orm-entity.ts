import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A notice inviting the citizen to collect the result at the counter (an invitation of TT 17 Đ5.2.h). */
@Entity({ name: 'counter_notices' })
export class CounterNoticeOrmEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @PrimaryColumn({ name: 'notice_number', type: 'integer' })
  noticeNumber!: number;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;

  @Column({ name: 'hold_until', type: 'text' })
  holdUntil!: string;

  @Column({ name: 'actor_ref', type: 'text' })
  actorRef!: string;
}
