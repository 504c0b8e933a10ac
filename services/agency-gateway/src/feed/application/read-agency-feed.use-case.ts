import type { DataSource } from 'typeorm';
import { InvalidInputError } from '@bcci/kernel';
import type { AgencyFeedRepository, FeedEntry } from '../persistence/agency-feed.repository';

export const FEED_DEFAULT_LIMIT = 100;
export const FEED_MAX_LIMIT = 500;

export interface FeedPage {
  items: Array<{ cursor: string; event: FeedEntry['event'] }>;
  /** Pass as `after` for the next page; equals `after` when nothing new. */
  nextCursor: string;
  ackedCursor: string;
}

export function parseCursor(value: string | undefined, field: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,18}$/.test(value)) {
    throw new InvalidInputError({
      code: 'feed.bad-cursor',
      message: `${field} must be a feed cursor (a non-negative integer)`,
      messageVi: 'Con trỏ nguồn tin không hợp lệ.',
      details: [{ field, message: 'must be a non-negative integer' }],
    });
  }
  return String(BigInt(value));
}

/** The agency's own events after a cursor (by default after what it acknowledged), oldest first. */
export class ReadAgencyFeedUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly feed: AgencyFeedRepository,
  ) {}

  async execute(agencyId: string, after: string | undefined, limit: number | undefined): Promise<FeedPage> {
    const size = limit ?? FEED_DEFAULT_LIMIT;
    if (!Number.isInteger(size) || size < 1 || size > FEED_MAX_LIMIT) {
      throw new InvalidInputError({
        code: 'feed.bad-limit',
        message: `limit must be between 1 and ${FEED_MAX_LIMIT}`,
        messageVi: `Số bản ghi mỗi trang phải từ 1 đến ${FEED_MAX_LIMIT}.`,
        details: [{ field: 'limit', message: `must be between 1 and ${FEED_MAX_LIMIT}` }],
      });
    }
    const manager = this.dataSource.manager;
    const ackedCursor = await this.feed.ackedCursor(manager, agencyId);
    const from = after ?? ackedCursor;
    const entries = await this.feed.readAfter(manager, agencyId, from, size);
    return {
      items: entries.map((e) => ({ cursor: e.seq, event: e.event })),
      nextCursor: entries.length ? entries[entries.length - 1].seq : from,
      ackedCursor,
    };
  }
}
