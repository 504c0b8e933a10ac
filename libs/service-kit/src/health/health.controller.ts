import { Controller, Get, Header, HttpCode, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@bcci/auth';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '../config/service-config';
import { ServiceMetrics } from '../metrics/service-metrics';
import { SERVICE_CONFIG } from '../messaging/service-kit-tokens';
import { kafkaReachable } from './kafka-reachable';

/** Liveness, readiness and Prometheus metrics; public (no token), excluded from OpenAPI. */
@Public()
@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
  ) {}

  /** 200 whenever the process answers. */
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 when the database answers SELECT 1 and a Kafka broker accepts connections; 503 otherwise. */
  @Get('ready')
  @HttpCode(200)
  async ready(): Promise<{ status: 'ready'; database: 'up'; kafka: 'up' }> {
    const [database, kafka] = await Promise.all([this.databaseUp(), kafkaReachable(this.config.kafkaBrokers)]);
    if (!database || !kafka) {
      throw new ServiceUnavailableException({
        message: `Not ready: database ${database ? 'up' : 'down'}, kafka ${kafka ? 'up' : 'down'}`,
        messageVi: 'Hệ thống tạm thời không sẵn sàng, vui lòng thử lại sau.',
        details: { database: database ? 'up' : 'down', kafka: kafka ? 'up' : 'down' },
      });
    }
    return { status: 'ready', database: 'up', kafka: 'up' };
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
