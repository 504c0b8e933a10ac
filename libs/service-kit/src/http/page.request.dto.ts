import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryInt } from '../input/input-decorators';

/** The furthest a list may be paged: far beyond any real list, well inside PostgreSQL's bigint. */
export const MAX_PAGE_OFFSET = 1_000_000;

/** limit/offset paging shared by list endpoints: at most 200 rows a page, 50 by default. */
export class PageRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @QueryInt()
  @IsInt({ context: { messageVi: 'limit phải là số nguyên' } })
  @Min(1, { context: { messageVi: 'limit phải từ 1 đến 200' } })
  @Max(200, { context: { messageVi: 'limit phải từ 1 đến 200' } })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_PAGE_OFFSET, default: 0 })
  @IsOptional()
  @QueryInt()
  @IsInt({ context: { messageVi: 'offset phải là số nguyên' } })
  @Min(0, { context: { messageVi: 'offset không được âm' } })
  @Max(MAX_PAGE_OFFSET, { context: { messageVi: `offset không được lớn hơn ${MAX_PAGE_OFFSET}` } })
  offset?: number;
}
