import type { Actor } from '@bcci/auth';
import { toVietnamDate } from '@bcci/kernel';
import type { DataSource } from 'typeorm';
import { OPEN_LEG_STATUSES, type LegStatus } from '../domain/leg-status';
import { PostalLegOrmEntity } from '../persistence/postal-leg.orm-entity';
import type { Clock } from './clock';
import { legView, type LegView } from './leg.view';
import { scopeFilter } from './read-scope';

export type LegStatusFilter = 'open' | 'filed' | 'withdrawn';

export interface ListLegsCriteria {
  readonly status?: LegStatusFilter;
  /** Only open legs past J + n (true), or only open legs within it (false). */
  readonly overdue?: boolean;
  readonly limit: number;
  readonly offset: number;
}

const STATUSES: Record<LegStatusFilter, readonly LegStatus[]> = {
  open: OPEN_LEG_STATUSES,
  filed: ['FILED'],
  withdrawn: ['WITHDRAWN'],
};

/** Legs within the caller's scope, the most urgent first (earliest due date). */
export class ListLegsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, criteria: ListLegsCriteria): Promise<{ items: LegView[]; total: number }> {
    const now = this.clock.now();
    const today = toVietnamDate(now);
    const query = this.dataSource.manager.createQueryBuilder(PostalLegOrmEntity, 'leg');
    const scope = scopeFilter(actor);
    if (scope) query.andWhere(`leg.${scope.column} = :scopeValue`, { scopeValue: scope.value });
    if (criteria.status) query.andWhere('leg.status IN (:...statuses)', { statuses: STATUSES[criteria.status] });
    // Same rule as isLegLate: a leg the post has signed over is judged on the Vietnamese day it signed,
    // a leg still travelling on today. Dates are ISO text (YYYY-MM-DD), so text order is date order.
    const lateSql = `(CASE WHEN leg.postal_signed_at IS NULL THEN leg.due_date < :today
      ELSE to_char((leg.postal_signed_at AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD') > leg.due_date END)`;
    if (criteria.overdue !== undefined) {
      query.andWhere('leg.status IN (:...open)', { open: OPEN_LEG_STATUSES }).setParameter('today', today);
      query.andWhere(criteria.overdue ? lateSql : `NOT ${lateSql}`);
    }
    const [legs, total] = await query.orderBy('leg.due_date', 'ASC').addOrderBy('leg.id', 'ASC').take(criteria.limit).skip(criteria.offset).getManyAndCount();
    return { items: legs.map((leg) => legView(leg, now)), total };
  }
}
