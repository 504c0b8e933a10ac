import { ROLE_SCOPE, type Actor } from '@bcci/auth';
import type { DataSource } from 'typeorm';
import type { ReturnStatus } from '../domain/return-status';
import { ReturnOrmEntity } from '../persistence/return.orm-entity';
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
  constructor(private readonly dataSource: DataSource) {}

  async execute(actor: Actor, criteria: ListReturnsCriteria): Promise<{ items: ReturnView[]; total: number }> {
    const query = this.dataSource.manager.createQueryBuilder(ReturnOrmEntity, 'r');
    switch (ROLE_SCOPE[actor.role]) {
      case 'postal-point':
        if (criteria.postalCode && criteria.postalCode !== actor.postalCode) throw outOfScope(actor, `the returns of postal point ${criteria.postalCode}`);
        query.andWhere('r.destination_postal_code = :point', { point: actor.postalCode ?? '' });
        break;
      case 'province':
        query.andWhere('r.destination_province_code = :province', { province: actor.provinceCode ?? '' });
        if (criteria.postalCode) query.andWhere('r.destination_postal_code = :point', { point: criteria.postalCode });
        break;
      case 'none':
        if (criteria.postalCode) query.andWhere('r.destination_postal_code = :point', { point: criteria.postalCode });
        break;
      default:
        throw outOfScope(actor, 'returns');
    }
    if (criteria.status) query.andWhere('r.status = :status', { status: criteria.status });
    // Dates are ISO text, so text order is date order; legs not open yet come last.
    const [rows, total] = await query
      .orderBy('r.due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('r.dossier_id', 'ASC')
      .take(criteria.limit)
      .skip(criteria.offset)
      .getManyAndCount();
    return { items: rows.map(returnView), total };
  }
}
