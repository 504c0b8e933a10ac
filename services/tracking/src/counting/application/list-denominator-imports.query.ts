import type { Actor } from '@bcci/auth';
import type { DataSource } from 'typeorm';
import { DenominatorsRepository, type DenominatorImportSummary } from '../persistence/denominators.repository';

/** How many imports the list shows, newest first. */
const LIST_LIMIT = 100;

/**
 * The latest denominator imports the caller may see: operations of a province see the imports made for
 * their province and those whose rows (still in force) count in it; national operations and auditors
 * see every import. A province's totals are its own business (issue 10: any province could list them).
 */
export class ListDenominatorImportsQuery {
  private readonly repository = new DenominatorsRepository();

  constructor(private readonly dataSource: DataSource) {}

  execute(actor: Actor): Promise<DenominatorImportSummary[]> {
    const provinceCode = actor.role === 'operations' ? actor.provinceCode : undefined;
    return this.repository.listImports(this.dataSource.manager, LIST_LIMIT, provinceCode);
  }
}
