import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A failed public lookup (unknown reference or wrong PIN), counted per reference for the rate limit. */
@Entity({ name: 'lookup_failures' })
export class LookupFailureOrmEntity {
  @PrimaryColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'reference_key', type: 'text' }) referenceKey!: string;
  @Column({ name: 'failed_at', type: 'timestamptz' }) failedAt!: Date;
}
