import type { Actor } from '@bcci/auth';
import { InvalidInputError } from '@bcci/kernel';
import type { DataSource } from 'typeorm';
import { normalizeLookupReference } from '../../lookup/domain/lookup-reference';
import { DossierSummaryRepository, type StoredDossierSummary } from '../persistence/dossier-summary.repository';
import { readerScopeOf } from './reader-scope';

export interface DossierSearch {
  reference?: string;
  provisionalDossierId?: string;
  dossierCode?: string;
  s10ItemId?: string;
  /** Instead of a reference: the dossiers now in this national status (the counter's supplements: 5). */
  nationalStatus?: number;
  limit?: number;
}

/** Finds dossiers by one of their references, or those in a national status, within the reader's scope. */
export class SearchDossiers {
  private readonly summaries = new DossierSummaryRepository();

  constructor(private readonly dataSource: DataSource) {}

  async execute(actor: Actor, search: DossierSearch): Promise<{ items: StoredDossierSummary[] }> {
    const raw = search.reference ?? search.provisionalDossierId ?? search.dossierCode ?? search.s10ItemId;
    if (!raw && search.nationalStatus !== undefined) {
      return { items: await this.summaries.findByNationalStatus(this.dataSource.manager, search.nationalStatus, readerScopeOf(actor), search.limit ?? 50) };
    }
    if (!raw) {
      throw new InvalidInputError({
        code: 'dossier-search.no-reference',
        message: 'Give one of reference, provisionalDossierId, dossierCode or s10ItemId, or nationalStatus',
        messageVi: 'Vui lòng nhập mã hồ sơ tạm, mã hồ sơ hoặc số hiệu bưu gửi để tìm.',
      });
    }
    const items = await this.summaries.findByReference(this.dataSource.manager, normalizeLookupReference(raw), readerScopeOf(actor), search.limit ?? 50);
    return { items };
  }
}
