import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class LateClocksRequest {
  @ApiPropertyOptional({ enum: ['POSTAL', 'AGENCY'], description: 'Only clocks of this party' })
  @IsOptional() @IsIn(['POSTAL', 'AGENCY']) party?: 'POSTAL' | 'AGENCY';

  @ApiPropertyOptional({ description: 'Overdue list only: also list clocks that closed after their due date' })
  @IsOptional() @Transform(({ value }) => value === true || value === 'true' || value === '1') @IsBoolean() includeClosedLate?: boolean;

  @ApiPropertyOptional({ default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}
