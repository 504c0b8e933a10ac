import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageRequest } from '@bcci/service-kit';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { RETURN_STATUSES, type ReturnStatus } from '../domain/return-status';

export class ListReturnsRequest extends PageRequest {
  @ApiPropertyOptional({ enum: RETURN_STATUSES })
  @IsOptional()
  @IsIn(RETURN_STATUSES, { context: { messageVi: 'trạng thái không hợp lệ' } })
  status?: ReturnStatus;

  @ApiPropertyOptional({ pattern: '^\\d{5}$', description: "A postal point; couriers and clerks may only name their own (403)" })
  @IsOptional()
  @Matches(/^\d{5}$/, { context: { messageVi: 'mã bưu chính phải gồm 5 chữ số' } })
  postalCode?: string;
}
