import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { LOOKUP_FAILURE_LIMIT } from '../domain/lookup-reference';
import { LookupFailureRepository } from '../persistence/lookup-failure.repository';

const EVERY_MS = 3_600_000;

/**
 * Deletes failed public lookups once they are out of the rate-limit window: they no longer count, and
 * the public page would otherwise grow the table by one row per mistyped PIN for ever.
 */
export class LookupFailureHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LookupFailureHousekeeping');
  private readonly failures = new LookupFailureRepository();
  private timer?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    const cycle = () => {
      void this.runOnce().catch((error: unknown) => this.logger.warn(`failed-lookup purge failed: ${String(error)}`));
      this.timer = setTimeout(cycle, EVERY_MS).unref();
    };
    this.timer = setTimeout(cycle, EVERY_MS).unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Deletes the failures older than the window; answers how many. */
  runOnce(): Promise<number> {
    return this.failures.purgeOlderThan(this.dataSource.manager, LOOKUP_FAILURE_LIMIT.windowMinutes);
  }
}
