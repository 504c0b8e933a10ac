import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per distinct content: the same bytes uploaded twice share a row, a file and a documentId. */
@Entity({ name: 'documents' })
export class StoredDocumentOrmEntity {
  @PrimaryColumn({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'document_id', type: 'uuid', unique: true })
  documentId!: string;

  @Column({ name: 'media_type', type: 'text' })
  mediaType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ name: 'page_count', type: 'integer', nullable: true })
  pageCount!: number | null;

  @Column({ name: 'stored_at', type: 'timestamptz' })
  storedAt!: Date;
}
