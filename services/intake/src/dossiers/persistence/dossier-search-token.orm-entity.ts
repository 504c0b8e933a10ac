import { Entity, PrimaryColumn, Column } from 'typeorm';
import type { BlindIndexKind } from '../../pii/blind-index';

/** One blind-index token (HMAC of a folded name word or of a phone) pointing at a dossier. */
@Entity({ name: 'dossier_search_tokens' })
export class DossierSearchTokenOrmEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @PrimaryColumn({ type: 'text' }) kind!: BlindIndexKind;
  @PrimaryColumn({ type: 'text' }) token!: string;
  @Column({ name: 'postal_code', type: 'text' }) postalCode!: string;
}
