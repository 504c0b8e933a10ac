import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from './bigint.transformer';

export interface TakenBackDocument {
  documentCode: string;
  title?: string;
  count: number;
}

/**
 * The handover to the recipient (UPU EMI). The ID check is kept as the document type and the
 * clerk's match only: the number is never received, stored or sent.
 */
@Entity({ name: 'deliveries' })
export class DeliveryOrmEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ name: 'delivered_at', type: 'timestamptz' })
  deliveredAt!: Date;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;

  @Column({ name: 'recipient_kind', type: 'text' })
  recipientKind!: string;

  @Column({ name: 'identity_document_type', type: 'text' })
  identityDocumentType!: string;

  @Column({ name: 'authorisation_ref', type: 'uuid', nullable: true })
  authorisationRef!: string | null;

  @Column({ name: 'taken_back_documents', type: 'jsonb' })
  takenBackDocuments!: TakenBackDocument[];

  @Column({ name: 'fees_collected', type: 'bigint', transformer: bigintNumber })
  feesCollected!: number;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  @Column({ name: 'actor_ref', type: 'text' })
  actorRef!: string;
}
