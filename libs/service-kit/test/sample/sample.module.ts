import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ServiceKitModule } from '../../src';
import { SampleController } from './sample.controller';
import { CreateSampleTables1800000000000 } from './sample-tables.migration';
import { SampleWithdrawalOrmEntity } from './sample-withdrawal.orm-entity';
import { SampleWithdrawnHandler } from './sample-withdrawn.handler';

/** A group of its own per run of this file: the broker's intake topic is shared with other test files. */
export const SAMPLE_CONSUMER_GROUP = `bcci.sample-${randomBytes(4).toString('hex')}`;

@Module({
  imports: [
    ServiceKitModule.forRoot({
      serviceName: 'sample',
      entities: [SampleWithdrawalOrmEntity],
      migrations: [CreateSampleTables1800000000000],
      consumerGroup: SAMPLE_CONSUMER_GROUP,
    }),
  ],
  controllers: [SampleController],
  providers: [SampleWithdrawnHandler],
})
export class SampleModule {}
