import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { LiveHub } from './live/live-hub';
import { PostOfficeAppMetrics } from './metrics/app-metrics';

/** `/ready` (the launcher and Kubernetes wait for it), `/health` and `/metrics` (Prometheus). */
@Controller()
export class HealthController {
  constructor(
    @Inject(LiveHub) private readonly hub: LiveHub,
    @Inject(PostOfficeAppMetrics) private readonly metrics: PostOfficeAppMetrics,
  ) {}

  @Get('ready')
  @ApiExcludeEndpoint()
  ready() {
    return { status: 'ready' };
  }

  @Get('health')
  @ApiExcludeEndpoint()
  health() {
    return { status: 'ok', liveListeners: this.hub.listenerCount };
  }

  @Get('metrics')
  @ApiExcludeEndpoint()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  metricsText(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
