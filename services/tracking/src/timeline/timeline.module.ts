import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecordTimelineEntry } from './application/record-timeline-entry.use-case';
import { TimelineReplayer } from './application/timeline-replayer';
import { TrackingEventsHandler } from './messaging/tracking-events.handler';
import { TimelineProjections } from './timeline-projections';

/** Consumes every dossier event into the timeline and hands each new entry to the registered projections. */
@Global()
@Module({
  providers: [
    TimelineProjections,
    { provide: RecordTimelineEntry, inject: [TimelineProjections], useFactory: (projections: TimelineProjections) => new RecordTimelineEntry(() => projections.all()) },
    { provide: TimelineReplayer, inject: [DataSource], useFactory: (dataSource: DataSource) => new TimelineReplayer(dataSource) },
    TrackingEventsHandler,
  ],
  exports: [TimelineProjections, TimelineReplayer, RecordTimelineEntry],
})
export class TimelineModule {}
