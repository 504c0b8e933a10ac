import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@bcci/service-kit';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { WITHDRAWAL_REASON_CODES } from '../domain/dossier-status';

export class WithdrawDossierRequestDto {
  @ApiPropertyOptional({ enum: WITHDRAWAL_REASON_CODES, default: 'APPLICANT_REQUEST' })
  @IsOptional()
  @IsIn(WITHDRAWAL_REASON_CODES)
  reasonCode?: string;

  @ApiPropertyOptional({ description: 'Lý do (bắt buộc khi OTHER); không ghi số CCCD, số điện thoại', maxLength: 500 })
  @IsOmittable()
  @IsString({ context: { messageVi: 'lý do phải là chuỗi ký tự (bỏ trống trường nếu không có lý do)' } })
  @MaxLength(500)
  reason?: string;
}
