import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

/** SafeText (contracts): no run of 10+ digits, so no citizen id or phone number slips into a note. */
export const SAFE_TEXT = /^(?![\s\S]*\d{10})[\s\S]*$/;

export class CertifyComponentRequest {
  @ApiProperty({
    enum: ['ORIGINAL_SIGHTED', 'COPY_MATCHES_PAPER'],
    description: 'ORIGINAL_SIGHTED: đối chiếu với bản chính; COPY_MATCHES_PAPER: bản điện tử khớp bản giấy đã nộp.',
  })
  @IsIn(['ORIGINAL_SIGHTED', 'COPY_MATCHES_PAPER'])
  certification!: 'ORIGINAL_SIGHTED' | 'COPY_MATCHES_PAPER';

  @ApiPropertyOptional({ maxLength: 2000, description: 'Ghi chú (không ghi số CCCD, số điện thoại).' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  @Matches(SAFE_TEXT, { message: 'note must not contain personal numbers (10 or more digits in a row)' })
  note?: string;
}
