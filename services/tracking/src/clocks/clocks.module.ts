import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TimelineProjections } from '../timeline/timeline-projections';
import { ClocksController } from './api/clocks.controller';
import { ClockEvaluationScheduler } from './application/clock-evaluation.scheduler';
import { ClockSettings } from './application/clock-settings';
import { ClocksProjection } from './application/clocks.projection';
import { EvaluateClocks } from './application/evaluate-clocks.use-case';
import { ListAtRiskClocks, ListOverdueClocks } from './application/list-late-clocks.use-case';

/** The clocks projection, its periodic evaluation and the overdue / at-risk lists. */
@Module({
  controllers: [ClocksController],
  providers: [
    { provide: ClocksProjection, inject: [ClockSettings], useFactory: (settings: ClockSettings) => new ClocksProjection(settings) },
    { provide: EvaluateClocks, inject: [DataSource, ClockSettings], useFactory: (dataSource: DataSource, settings: ClockSettings) => new EvaluateClocks(dataSource, settings) },
    { provide: ListOverdueClocks, inject: [DataSource, ClockSettings], useFactory: (dataSource: DataSource, settings: ClockSettings) => new ListOverdueClocks(dataSource, settings) },
    { provide: ListAtRiskClocks, inject: [DataSource, ClockSettings], useFactory: (dataSource: DataSource, settings: ClockSettings) => new ListAtRiskClocks(dataSource, settings) },
    ClockEvaluationScheduler,
  ],
  exports: [EvaluateClocks],
})
export class ClocksModule implements OnModuleInit {
  constructor(
    @Inject(TimelineProjections) private readonly projections: TimelineProjections,
    @Inject(ClocksProjection) private readonly projection: ClocksProjection,
  ) {}

  onModuleInit(): void {
    this.projections.register(this.projection);
  }
}
