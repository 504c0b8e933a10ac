import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every time a document was attached to a dossier's component or result (kept when later replaced):
 * the audit trail of digitization, and what decides who may read a stored document.
 */
@Entity({ name: 'document_uses' })
@Index('ix_document_uses_hash', ['contentHash'])
export class DocumentUseOrmEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  /** COMPONENT_SCAN, COMPONENT_REUSE or RESULT_SCAN. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'component_code', type: 'text', nullable: true })
  componentCode!: string | null;

  @Column({ name: 'result_id', type: 'uuid', nullable: true })
  resultId!: string | null;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  @Column({ name: 'actor_ref', type: 'text' })
  actorRef!: string;

  @Column({ name: 'used_at', type: 'timestamptz' })
  usedAt!: Date;
}
