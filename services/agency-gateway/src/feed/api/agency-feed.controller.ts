import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { AckAgencyFeedUseCase } from '../application/ack-agency-feed.use-case';
import { FEED_MAX_LIMIT, parseCursor, ReadAgencyFeedUseCase, type FeedPage } from '../application/read-agency-feed.use-case';

export class AckFeedRequest {
  @ApiProperty({ example: '42', description: 'Con trỏ của bản ghi cuối cùng đã xử lý.' })
  @Matches(/^\d{1,18}$/, { message: 'cursor must be a feed cursor (a non-negative integer)', context: { messageVi: 'con trỏ phải là số nguyên không âm' } })
  cursor!: string;
}

/**
 * The HTTP way to consume an agency's dossiers: the same copies as its Kafka topic, in order, with a
 * cursor the agency acknowledges once processed (at least once: deduplicate by event id).
 */
@ApiTags('agency feed')
@ApiBearerAuth()
@Roles('agency')
@Controller('agency/feed')
export class AgencyFeedController {
  constructor(
    @Inject(ReadAgencyFeedUseCase) private readonly read: ReadAgencyFeedUseCase,
    @Inject(AckAgencyFeedUseCase) private readonly ackFeed: AckAgencyFeedUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: "The agency's events after `after` (default: its acknowledged cursor), oldest first." })
  @ApiQuery({ name: 'after', required: false, description: 'Cursor (exclusive).' })
  @ApiQuery({ name: 'limit', required: false, description: `1–${FEED_MAX_LIMIT}, default 100.` })
  feed(@CurrentActor() actor: Actor, @Query('after') after?: string, @Query('limit') limit?: string): Promise<FeedPage> {
    const size = limit === undefined || limit === '' ? undefined : /^\d{1,4}$/.test(limit) ? Number(limit) : NaN;
    return this.read.execute(actor.agencyId!, parseCursor(after, 'after'), size);
  }

  @Post('ack')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge everything up to `cursor`; never moves backwards.' })
  ack(@CurrentActor() actor: Actor, @Body() body: AckFeedRequest): Promise<{ ackedCursor: string }> {
    return this.ackFeed.execute(actor.agencyId!, parseCursor(body.cursor, 'cursor')!);
  }
}
