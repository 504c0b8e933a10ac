import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_PAGE_OFFSET, QueryBoolean, QueryInt } from '@bcci/service-kit';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class LateClocksRequest {
  @ApiPropertyOptional({ enum: ['POSTAL', 'AGENCY'], description: 'Only clocks of this party' })
  @IsOptional() @IsIn(['POSTAL', 'AGENCY']) party?: 'POSTAL' | 'AGENCY';

  @ApiPropertyOptional({ description: 'Overdue list only: also list clocks that closed after their due date' })
  @IsOptional() @QueryBoolean() @IsBoolean() includeClosedLate?: boolean;

  @ApiPropertyOptional({ default: 100 })
  @IsOptional() @QueryInt() @IsInt() @Min(1) @Max(1000) limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional() @QueryInt() @IsInt() @Min(0) @Max(MAX_PAGE_OFFSET) offset?: number;
}
