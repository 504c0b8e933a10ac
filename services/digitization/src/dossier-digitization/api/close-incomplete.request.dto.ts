import { ApiProperty } from '@nestjs/swagger';
import { IsNotBlank } from '@bcci/service-kit';
import { IsString, Length, Matches } from 'class-validator';
import { SAFE_TEXT } from './certify-component.request.dto';

export class CloseIncompleteRequest {
  @ApiProperty({ maxLength: 2000, description: 'Lý do đóng khi chưa số hoá đầy đủ (không ghi số CCCD, số điện thoại).' })
  @IsString()
  @Length(1, 2000)
  @IsNotBlank({ context: { messageVi: 'phải ghi lý do đóng hồ sơ' } })
  @Matches(SAFE_TEXT, { message: 'reason must not contain personal numbers (10 or more digits in a row)' })
  reason!: string;
}
