import { Logger } from '@nestjs/common';

/**
 * Runs the periodic work (due decisions; in HTTP mode, queued calls to the gateway) every tick, one pass
 * at a time; a pass that did work is followed at once by the next, so a backlog drains quickly.
 */
export class DecisionTicker {
  private readonly logger = new Logger('AgencySimulator');
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly tickMs: number,
    private readonly passes: Array<() => Promise<number>>,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let lastFailure = '';
    while (this.running) {
      let worked = 0;
      for (const pass of this.passes) {
        try {
          worked += await pass();
          lastFailure = '';
        } catch (error) {
          const message = String(error);
          if (message !== lastFailure) this.logger.warn(`simulation pass failed: ${message}`);
          lastFailure = message;
        }
      }
      if (worked === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.tickMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }
}
