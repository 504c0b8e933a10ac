import { Controller, Get, Inject } from '@nestjs/common';
import { LiveHub } from './live/live-hub';

/** `/ready` (the launcher and Kubernetes wait for it) and `/health`. */
@Controller()
export class HealthController {
  constructor(@Inject(LiveHub) private readonly hub: LiveHub) {}

  @Get('ready')
  ready() {
    return { status: 'ready' };
  }

  @Get('health')
  health() {
    return { status: 'ok', liveListeners: this.hub.listenerCount };
  }
}
