import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { NOTICE_CHANNELS, type NoticeChannel } from '../domain/counter-pickup.rules';
import { IsZonedTimestamp } from './timestamp.validators';

export class CounterNoticeRequest {
  @IsZonedTimestamp('thời điểm gửi thông báo')
  sentAt!: string;

  @ApiProperty({ enum: NOTICE_CHANNELS, description: 'How the citizen was notified (the contact itself stays with intake)' })
  @IsIn(NOTICE_CHANNELS, { context: { messageVi: 'kênh thông báo không hợp lệ' } })
  channel!: NoticeChannel;
}
