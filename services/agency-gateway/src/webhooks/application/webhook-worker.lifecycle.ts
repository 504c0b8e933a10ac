import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';

/** Runs the webhook delivery loop for as long as the service runs. */
@Injectable()
export class WebhookWorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(WebhookDeliveryWorker) private readonly worker: WebhookDeliveryWorker) {}

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }
}
