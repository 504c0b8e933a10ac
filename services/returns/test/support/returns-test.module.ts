import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ServiceKitModule } from '@bcci/service-kit';
import { RETURNS_KIT_OPTIONS } from '../../src/app.module';
import { ReturnsModule } from '../../src/returns/returns.module';

/** The service's module with a consumer group of its own: the run's broker is shared with other test files. */
export const TEST_CONSUMER_GROUP = `bcci.returns-test-${randomBytes(4).toString('hex')}`;

@Module({
  imports: [ServiceKitModule.forRoot({ ...RETURNS_KIT_OPTIONS, consumerGroup: TEST_CONSUMER_GROUP }), ReturnsModule],
})
export class ReturnsTestModule {}
