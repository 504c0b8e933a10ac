import { Controller, Get, Header, HttpCode, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@bcci/auth';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '../config/service-config';
import { ServiceMetrics } from '../metrics/service-metrics';
import { MessagingLifecycle } from '../messaging/messaging-lifecycle';
import { SERVICE_CONFIG } from '../messaging/service-kit-tokens';
import { kafkaReachable } from './kafka-reachable';
import { readiness } from './readiness';

/** Liveness, readiness and Prometheus metrics; public (no token), excluded from OpenAPI. */
@Public()
@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
    @Inject(MessagingLifecycle) private readonly messaging: MessagingLifecycle,
  ) {}

  /** 200 whenever the process answers. */
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * 200 when the database answers SELECT 1, a Kafka broker accepts connections and the consumer is not
   * waiting on an unavailable dependency; 503 with the reason otherwise.
   */
  @Get('ready')
  @HttpCode(200)
  async ready(): Promise<{ status: 'ready'; database: 'up'; kafka: 'up' }> {
    const [database, kafka] = await Promise.all([this.databaseUp(), kafkaReachable(this.config.kafkaBrokers)]);
    const result = readiness({ database, kafka, consumerWait: this.messaging.consumerWaitingOnDependency });
    if (!result.ready) {
      throw new ServiceUnavailableException({
        message: result.message,
        messageVi: 'Hệ thống tạm thời không sẵn sàng, vui lòng thử lại sau.',
        details: result.details,
      });
    }
    return result.body;
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async metricsText(@Res() response: { type(value: string): { send(body: string): void } }): Promise<void> {
    const body = await this.metrics.render();
    response.type(this.metrics.registry.contentType).send(body);
  }

  private async databaseUp(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
