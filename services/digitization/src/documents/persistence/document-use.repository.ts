import { EntityTable } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { StaffActor } from '../../dossier-digitization/domain/digitization.types';
import type { ContentHash } from '../domain/content-hash';
import { DocumentUseOrmEntity } from './document-use.orm-entity';

export interface DocumentUse {
  readonly contentHash: ContentHash;
  readonly dossierId: string;
  readonly kind: 'COMPONENT_SCAN' | 'COMPONENT_REUSE' | 'RESULT_SCAN';
  readonly componentCode?: string;
  readonly resultId?: string;
  readonly actor: StaffActor;
  readonly usedAt: Date;
}

/** Places where a stored document serves, in the postal points' terms, for read authorisation. */
export interface DocumentPlace {
  readonly postalCodes: string[];
  readonly provinceCodes: string[];
}

export class DocumentUseRepository {
  async record(manager: EntityManager, use: DocumentUse): Promise<void> {
    await EntityTable.of(manager, DocumentUseOrmEntity).insert(manager, [{
      contentHash: use.contentHash,
      dossierId: use.dossierId,
      kind: use.kind,
      componentCode: use.componentCode ?? null,
      resultId: use.resultId ?? null,
      actorRole: use.actor.role,
      actorRef: use.actor.ref,
      usedAt: use.usedAt,
    }]);
  }

  /** Intake and return postal points (and provinces) of every dossier that uses the document. */
  async placesOf(manager: EntityManager, contentHash: ContentHash): Promise<DocumentPlace> {
    const rows: { postal_code: string; return_postal_code: string | null; province_code: string | null }[] = await manager.query(
      `SELECT DISTINCT d.postal_code, d.return_postal_code, d.province_code
         FROM document_uses u JOIN dossier_digitizations d ON d.dossier_id = u.dossier_id
        WHERE u.content_hash = $1`,
      [contentHash],
    );
    const postalCodes = new Set<string>();
    const provinceCodes = new Set<string>();
    for (const row of rows) {
      postalCodes.add(row.postal_code);
      if (row.return_postal_code) postalCodes.add(row.return_postal_code);
      if (row.province_code) provinceCodes.add(row.province_code);
    }
    return { postalCodes: [...postalCodes], provinceCodes: [...provinceCodes] };
  }
}
