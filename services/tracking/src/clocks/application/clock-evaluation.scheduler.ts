import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EvaluateClocks } from './evaluate-clocks.use-case';

/** How often running clocks are re-read (days change at midnight; a minute keeps at-risk flags fresh). */
export const CLOCK_EVALUATION_INTERVAL_MS = 60_000;

/** Runs EvaluateClocks at start and then periodically; one run at a time. */
@Injectable()
export class ClockEvaluationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ClockEvaluation');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(@Inject(EvaluateClocks) private readonly evaluate: EvaluateClocks) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), CLOCK_EVALUATION_INTERVAL_MS);
    this.timer.unref();
    void this.runOnce();
  }

  runOnce(): Promise<void> {
    this.running ??= this.evaluate
      .execute()
      .then(({ changed }) => {
        if (changed > 0) this.logger.log(`clock statuses changed: ${changed}`);
      })
      .catch((error: unknown) => this.logger.warn(`clock evaluation failed: ${String(error)}`))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
