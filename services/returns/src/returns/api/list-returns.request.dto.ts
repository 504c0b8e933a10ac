import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { RETURN_STATUSES, type ReturnStatus } from '../domain/return-status';

export class ListReturnsRequest {
  @ApiPropertyOptional({ enum: RETURN_STATUSES })
  @IsOptional()
  @IsIn(RETURN_STATUSES, { context: { messageVi: 'trạng thái không hợp lệ' } })
  status?: ReturnStatus;

  @ApiPropertyOptional({ pattern: '^\\d{5}$', description: "A postal point; couriers and clerks may only name their own (403)" })
  @IsOptional()
  @Matches(/^\d{5}$/, { context: { messageVi: 'mã bưu chính phải gồm 5 chữ số' } })
  postalCode?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
