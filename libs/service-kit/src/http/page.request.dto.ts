import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** limit/offset paging shared by list endpoints: at most 200 rows a page, 50 by default. */
export class PageRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ context: { messageVi: 'limit phải là số nguyên' } })
  @Min(1, { context: { messageVi: 'limit phải từ 1 đến 200' } })
  @Max(200, { context: { messageVi: 'limit phải từ 1 đến 200' } })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ context: { messageVi: 'offset phải là số nguyên' } })
  @Min(0, { context: { messageVi: 'offset không được âm' } })
  offset?: number;
}
