import { ROLE_SCOPE, type Actor } from '@bcci/auth';
import type { DataSource } from 'typeorm';
import type { ReturnStatus } from '../domain/return-status';
import type { ReturnListFilter, ReturnRepository } from '../persistence/return.repository';
import { outOfScope } from './return-scope';
import { returnView, type ReturnView } from './return.view';

export interface ListReturnsCriteria {
  readonly status?: ReturnStatus;
  /** A postal point: couriers and clerks may only name their own (403 otherwise). */
  readonly postalCode?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Returns within the caller's scope, the earliest due date first. */
export class ListReturnsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly returns: ReturnRepository,
  ) {}

  async execute(actor: Actor, criteria: ListReturnsCriteria): Promise<{ items: ReturnView[]; total: number }> {
    const { items, total } = await this.returns.list(this.dataSource.manager, { ...scopeOf(actor, criteria), ...(criteria.status ? { status: criteria.status } : {}), limit: criteria.limit, offset: criteria.offset });
    return { items: items.map(returnView), total };
  }
}

/** Couriers and clerks see their own point, operations their province (optionally one point of it), auditors all. */
function scopeOf(actor: Actor, criteria: ListReturnsCriteria): Pick<ReturnListFilter, 'postalCode' | 'provinceCode'> {
  switch (ROLE_SCOPE[actor.role]) {
    case 'postal-point':
      if (criteria.postalCode && criteria.postalCode !== actor.postalCode) throw outOfScope(actor, `the returns of postal point ${criteria.postalCode}`);
      return { postalCode: actor.postalCode ?? '' };
    case 'province':
      return { provinceCode: actor.provinceCode ?? '', ...(criteria.postalCode ? { postalCode: criteria.postalCode } : {}) };
    case 'none':
      return criteria.postalCode ? { postalCode: criteria.postalCode } : {};
    default:
      throw outOfScope(actor, 'returns');
  }
}
