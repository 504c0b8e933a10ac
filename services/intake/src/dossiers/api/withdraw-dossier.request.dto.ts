import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { WITHDRAWAL_REASON_CODES } from '../domain/dossier-status';

export class WithdrawDossierRequestDto {
  @ApiPropertyOptional({ enum: WITHDRAWAL_REASON_CODES, default: 'APPLICANT_REQUEST' })
  @IsOptional()
  @IsIn(WITHDRAWAL_REASON_CODES)
  reasonCode?: string;

  @ApiPropertyOptional({ description: 'Lý do (bắt buộc khi OTHER); không ghi số CCCD, số điện thoại', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
