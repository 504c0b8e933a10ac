import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ServiceKitModule } from '@bcci/service-kit';
import { FORWARDING_KIT_OPTIONS } from '../../src/app.module';
import { ForwardingModule } from '../../src/forwarding/forwarding.module';

/** The service's module with a consumer group of its own: the run's broker is shared with other test files. */
export const TEST_CONSUMER_GROUP = `bcci.forwarding-test-${randomBytes(4).toString('hex')}`;

@Module({
  imports: [ServiceKitModule.forRoot({ ...FORWARDING_KIT_OPTIONS, consumerGroup: TEST_CONSUMER_GROUP }), ForwardingModule],
})
export class ForwardingTestModule {}
