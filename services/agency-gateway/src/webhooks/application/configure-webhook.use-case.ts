import type { DataSource } from 'typeorm';
import type { WebhookRepository } from '../persistence/webhook.repository';

/** Sets (or replaces) the agency's webhook; deliveries are created for events from now on. */
export class ConfigureWebhookUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhookRepository,
  ) {}

  async execute(agencyId: string, url: string, secret: string): Promise<{ agencyId: string; url: string; updatedAt: string }> {
    return this.dataSource.transaction(async (manager) => {
      await this.webhooks.upsert(manager, agencyId, url, secret);
      const saved = (await this.webhooks.find(manager, agencyId))!;
      return { agencyId, url: saved.url, updatedAt: saved.updatedAt };
    });
  }
}
