import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { TokenVerifier } from '@bcci/auth';
import type { PostOfficeAppConfig } from './config/post-office-app.config';
import { HealthController } from './health.controller';
import { LiveController } from './live/live.controller';
import { LiveFeed } from './live/live-feed';
import { LiveHub } from './live/live-hub';
import { PostOfficeAppMetrics } from './metrics/app-metrics';
import { SessionController } from './session/session.controller';
import { StaffSignIn } from './session/staff-sign-in';
import { parseStaffRoster, type StaffAccount } from './session/staff-roster';

export const POST_OFFICE_APP_CONFIG = Symbol('POST_OFFICE_APP_CONFIG');
export const SAMPLE_STAFF_ROSTER_FILE = path.join(__dirname, 'session', 'sample-staff-roster.json');

/** The roster file, or the sample roster outside production (its password is public). */
export function loadStaffRoster(config: PostOfficeAppConfig): StaffAccount[] {
  if (!config.staffRosterFile && config.production) {
    throw new Error('STAFF_ROSTER_FILE is required in production: the sample roster has a public password');
  }
  const file = config.staffRosterFile ?? SAMPLE_STAFF_ROSTER_FILE;
  return parseStaffRoster(JSON.parse(readFileSync(file, 'utf8')));
}

class LiveFeedLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(LiveFeed) private readonly feed: LiveFeed,
    @Inject(LiveHub) private readonly hub: LiveHub,
  ) {}

  onModuleInit(): Promise<void> {
    return this.feed.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.hub.close();
    await this.feed.stop();
  }
}

@Module({})
export class AppModule {
  static forConfig(config: PostOfficeAppConfig): DynamicModule {
    const logger = new Logger('post-office-app');
    return {
      module: AppModule,
      controllers: [HealthController, SessionController, LiveController],
      providers: [
        { provide: POST_OFFICE_APP_CONFIG, useValue: config },
        { provide: StaffSignIn, useFactory: () => new StaffSignIn(loadStaffRoster(config), config.authJwtSecret) },
        { provide: TokenVerifier, useFactory: () => new TokenVerifier({ secret: config.authJwtSecret }) },
        { provide: LiveHub, useFactory: () => new LiveHub() },
        { provide: LiveFeed, useFactory: (hub: LiveHub) => new LiveFeed(config.kafkaBrokers, hub, (message) => logger.warn(message)), inject: [LiveHub] },
        { provide: PostOfficeAppMetrics, useFactory: (hub: LiveHub) => new PostOfficeAppMetrics(() => hub.listenerCount), inject: [LiveHub] },
        LiveFeedLifecycle,
      ],
    };
  }
}
