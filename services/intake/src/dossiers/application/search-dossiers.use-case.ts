import type { Catalog } from '@bcci/catalog';
import { InvalidInputError, toVietnamDate, validatePostalItemId } from '@bcci/kernel';
import type { BlindIndex } from '../../pii/blind-index';
import type { DossierRepository } from '../persistence/dossier.repository';
import { nameTokens, normalisedPhone } from '../domain/search-terms';
import type { Clock } from './clock';
import { assertCanSee, AUDITOR_ROLE, CLERK_ROLE } from './dossier-access';
import { toDossierView, type DossierView } from './dossier-view';
import type { IntakeActor } from './intake-actor';

export interface SearchDossiersQuery {
  /** Provisional id (BCCI-…) or the agency's dossier code. */
  readonly code?: string;
  readonly postalItemId?: string;
  readonly phone?: string;
  /** Any spelling: with or without diacritics, any case; every word must match. */
  readonly name?: string;
  /** For auditors and operations; a clerk always searches their own point. */
  readonly postalCode?: string;
  readonly page?: number;
  readonly pageSize?: number;
}

export interface DossierListView {
  items: DossierView[];
  page: number;
  pageSize: number;
  total: number;
}

export const MAX_PAGE_SIZE = 100;

/**
 * Finds dossiers of a postal point. Names and phones are encrypted, so they are matched through their
 * blind-index tokens (HMAC of the folded word or the normalised phone), never decrypted for a search.
 */
export class SearchDossiersUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly blindIndex: BlindIndex,
    private readonly catalog: Catalog,
    private readonly clock: Clock,
  ) {}

  async execute(actor: IntakeActor, query: SearchDossiersQuery): Promise<DossierListView> {
    const postalCode = actor.role === CLERK_ROLE ? (actor.postalCode ?? '') : query.postalCode;
    if (postalCode !== undefined) assertCanSee(actor, postalCode, this.catalog.at(toVietnamDate(this.clock.now())));
    else if (actor.role !== AUDITOR_ROLE) {
      throw new InvalidInputError({
        code: 'search.postal-code-required',
        message: 'postalCode is required for an operations user',
        messageVi: 'Chọn mã bưu chính của điểm phục vụ cần tra cứu.',
      });
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    let phoneToken: string | undefined;
    if (query.phone !== undefined) {
      const phone = normalisedPhone(query.phone);
      if (!phone) throw invalidSearch('phone', 'Số điện thoại tra cứu không hợp lệ.');
      phoneToken = this.blindIndex.token('phone', phone);
    }
    let tokens: string[] | undefined;
    if (query.name !== undefined) {
      const words = nameTokens(query.name);
      if (words.length === 0) throw invalidSearch('name', 'Nhập ít nhất một từ của họ tên để tra cứu.');
      tokens = words.map((word) => this.blindIndex.token('name', word));
    }
    let postalItemId: string | undefined;
    if (query.postalItemId !== undefined) {
      const id = validatePostalItemId(query.postalItemId);
      if (!id.ok) throw new InvalidInputError({ ...id.issue });
      postalItemId = id.value;
    }
    const result = await this.dossiers.search({
      ...(postalCode !== undefined ? { postalCode } : {}),
      ...(query.code !== undefined ? { code: query.code.trim().toUpperCase() } : {}),
      ...(postalItemId !== undefined ? { postalItemId } : {}),
      ...(phoneToken !== undefined ? { phoneToken } : {}),
      ...(tokens !== undefined ? { nameTokens: tokens } : {}),
      page,
      pageSize,
    });
    return { items: result.items.map(toDossierView), page, pageSize, total: result.total };
  }
}

function invalidSearch(field: string, messageVi: string): InvalidInputError {
  return new InvalidInputError({ code: `search.${field}`, message: `Invalid ${field} search term`, messageVi });
}
