import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class ListLegsRequest {
  @ApiPropertyOptional({ enum: ['open', 'filed', 'withdrawn'], description: 'open = still travelling (not filed, not withdrawn)' })
  @IsOptional()
  @IsIn(['open', 'filed', 'withdrawn'], { context: { messageVi: 'trạng thái phải là open, filed hoặc withdrawn' } })
  status?: 'open' | 'filed' | 'withdrawn';

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only legs still travelling past their J+n due date' })
  @IsOptional()
  @IsIn(['true', 'false'], { context: { messageVi: 'overdue phải là true hoặc false' } })
  overdue?: 'true' | 'false';

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
