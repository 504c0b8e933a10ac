import type { DataSource } from 'typeorm';
import { CLOUDEVENTS_CONTENT_TYPE } from '@bcci/contracts';
import { DEFAULT_WEBHOOK_RETRY, nextWebhookDelayMs, type WebhookRetryPolicy } from '../domain/webhook-backoff';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from '../domain/webhook-signature';
import type { DueDelivery, WebhookRepository } from '../persistence/webhook.repository';
import { httpPost } from './http-post';

export interface WebhookWorkerOptions {
  retry: WebhookRetryPolicy;
  pollIntervalMs: number;
  batchSize: number;
  requestTimeoutMs: number;
  leaseMs: number;
  /** Told about a pass that failed (database unreachable…); the loop carries on. */
  onError?: (error: unknown) => void;
}

export const DEFAULT_WEBHOOK_WORKER_OPTIONS: WebhookWorkerOptions = {
  retry: DEFAULT_WEBHOOK_RETRY,
  pollIntervalMs: 500,
  batchSize: 20,
  requestTimeoutMs: 10_000,
  leaseMs: 60_000,
};

/**
 * Delivers the agencies' feed entries to their webhooks: claims due deliveries, POSTs the envelope
 * signed with HMAC-SHA256, records every attempt, retries failures with exponential backoff.
 * At least once: a receiver deduplicates by the event id (also in the `X-BCCI-Event-Id` header).
 */
export class WebhookDeliveryWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhookRepository,
    private readonly options: WebhookWorkerOptions = DEFAULT_WEBHOOK_WORKER_OPTIONS,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: deliver what is due now. Returns the number of deliveries attempted. */
  async runOnce(): Promise<number> {
    // One statement, atomic on its own: no transaction around it (a BEGIN and a COMMIT would double the
    // round trips of a pass, and the worker passes twice a second even when nothing is due).
    const due = await this.webhooks.claimDue(this.dataSource.manager, this.options.batchSize, this.options.leaseMs);
    await Promise.all(due.map((delivery) => this.deliver(delivery)));
    return due.length;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((error: unknown) => {
          this.options.onError?.(error);
          return 0;
        })
        .then((count) => this.schedule(count > 0 ? 0 : this.options.pollIntervalMs));
    }, delayMs);
  }

  private async deliver(delivery: DueDelivery): Promise<void> {
    const body = JSON.stringify(delivery.envelope);
    const timestamp = String(Math.floor(Date.now() / 1000));
    let outcome: { ok: boolean; statusCode?: number; error?: string };
    try {
      const status = await httpPost(
        delivery.url,
        {
          'content-type': CLOUDEVENTS_CONTENT_TYPE,
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signWebhook(delivery.secret, timestamp, body),
          'x-bcci-event-id': delivery.eventId,
          'x-bcci-feed-cursor': delivery.feedSeq,
          'x-bcci-delivery-id': delivery.id,
        },
        body,
        this.options.requestTimeoutMs,
      );
      outcome = status >= 200 && status < 300 ? { ok: true, statusCode: status } : { ok: false, statusCode: status, error: `HTTP ${status}` };
    } catch (error) {
      outcome = { ok: false, error: (error instanceof Error ? error.message : String(error)).slice(0, 500) };
    }
    const failed = delivery.attempts + 1;
    await this.dataSource.transaction((manager) =>
      this.webhooks.recordAttempt(manager, delivery, {
        ...outcome,
        giveUp: !outcome.ok && failed >= this.options.retry.maxAttempts,
        nextAttemptInMs: outcome.ok ? 0 : nextWebhookDelayMs(this.options.retry, failed),
      }),
    );
  }
}
