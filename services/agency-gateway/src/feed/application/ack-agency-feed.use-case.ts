import type { DataSource } from 'typeorm';
import { RuleViolationError } from '@bcci/kernel';
import type { AgencyFeedRepository } from '../persistence/agency-feed.repository';

/** The agency confirms it processed everything up to a cursor; the default `after` moves forward. */
export class AckAgencyFeedUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly feed: AgencyFeedRepository,
  ) {}

  execute(agencyId: string, cursor: string): Promise<{ ackedCursor: string }> {
    return this.dataSource.transaction(async (manager) => {
      const last = await this.feed.lastSeq(manager, agencyId);
      if (BigInt(cursor) > BigInt(last)) {
        throw new RuleViolationError({
          code: 'feed.ack-beyond-end',
          message: `Cursor ${cursor} is beyond the last entry of this agency's feed (${last})`,
          messageVi: 'Không thể xác nhận vượt quá bản ghi cuối cùng của nguồn tin.',
        });
      }
      return { ackedCursor: await this.feed.ack(manager, agencyId, cursor) };
    });
  }
}
