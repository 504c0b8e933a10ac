import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One creating request already answered: (scope, key) → fingerprint of the request and the stored answer. */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyOrmEntity {
  @PrimaryColumn({ type: 'text' })
  scope!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ name: 'request_fingerprint', type: 'text', nullable: true })
  requestFingerprint!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  response!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
