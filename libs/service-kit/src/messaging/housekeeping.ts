import { Logger } from '@nestjs/common';
import { TOPICS } from '@bcci/contracts';
import { Inbox, type OutboxRelay } from '@bcci/messaging';
import type { DataSource } from 'typeorm';

const DAY_MS = 86_400_000;
/** Published outbox rows are kept a week for investigations; Kafka holds the events themselves. */
const OUTBOX_KEEP_MS = 7 * DAY_MS;
/** Idempotency keys only need to outlive the clients' retry window. */
const IDEMPOTENCY_KEEP_MS = 7 * DAY_MS;
/** Margin beyond the longest retention of a consumed topic, for a consumer that was down for a while. */
const INBOX_MARGIN_MS = 10 * DAY_MS;
const FIRST_RUN_MS = 60_000;
const EVERY_MS = 3_600_000;

/**
 * How long inbox records must stay: while Kafka can still redeliver an event, its record is what makes
 * the redelivery harmless, so the horizon is the longest retention among the consumed topics (from the
 * contracts) plus a margin.
 */
export function inboxKeepMs(consumedTopics: readonly string[]): number {
  const retentions = TOPICS.filter((topic) => consumedTopics.includes(topic.name)).map((topic) => Number(topic.config['retention.ms'] ?? 0));
  return Math.max(OUTBOX_KEEP_MS, ...retentions) + INBOX_MARGIN_MS;
}

/**
 * Keeps a long-running service's bookkeeping tables from growing without end: published outbox rows,
 * old inbox records and idempotency keys are deleted hourly.
 */
export class Housekeeping {
  private readonly logger = new Logger('Housekeeping');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay | undefined,
    private readonly consumedTopics: readonly string[],
  ) {}

  start(): void {
    const cycle = () => {
      void this.runOnce().catch((error: unknown) => this.logger.warn(`housekeeping failed: ${String(error)}`));
      this.timer = setTimeout(cycle, EVERY_MS).unref();
    };
    this.timer = setTimeout(cycle, FIRST_RUN_MS).unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  async runOnce(now = Date.now()): Promise<{ outbox: number; inbox: number; idempotencyKeys: number }> {
    const outbox = this.relay ? await this.relay.purgePublished(new Date(now - OUTBOX_KEEP_MS)) : 0;
    const inbox = await this.dataSource.transaction((manager) => Inbox.purgeHandled(manager, new Date(now - inboxKeepMs(this.consumedTopics))));
    const deleted = await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < $1`, [new Date(now - IDEMPOTENCY_KEEP_MS)]);
    const idempotencyKeys = Array.isArray(deleted) ? Number(deleted[1] ?? 0) : 0;
    if (outbox + inbox + idempotencyKeys > 0) {
      this.logger.log(`removed ${outbox} published outbox row(s), ${inbox} inbox record(s), ${idempotencyKeys} idempotency key(s)`);
    }
    return { outbox, inbox, idempotencyKeys };
  }
}
