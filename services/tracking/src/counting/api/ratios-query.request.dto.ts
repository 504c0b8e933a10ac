import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumberString, IsOptional, IsString, Matches } from 'class-validator';
import { BASES } from '../domain/contributions';
import { UNIT_MODES } from '../domain/units';

export class RatiosQueryDto {
  @ApiPropertyOptional({ description: '2026, 2026-H1, 2026-Q1, 2026-03, 2026-03-15 or 2026-01-01..2026-03-31 (Vietnam days); default: the current quarter', example: '2026-Q1' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9QH.\-]{4,22}$/i, { context: { messageVi: 'kỳ báo cáo không hợp lệ' } })
  period?: string;

  @ApiPropertyOptional({ description: 'all, province:15, commune:04249, postal-point:33100, agency:<id>, procedure:<code>', example: 'province:15' })
  @IsOptional()
  @IsString()
  scope?: string;

  @ApiPropertyOptional({ enum: BASES, description: 'event: each figure on its own event day (default); intake: every figure on the dossier\'s intake day' })
  @IsOptional()
  @IsIn(BASES)
  basis?: (typeof BASES)[number];

  @ApiPropertyOptional({ enum: UNIT_MODES, description: 'as-of-event (default): units in force on the counted day; current: today\'s units' })
  @IsOptional()
  @IsIn(UNIT_MODES)
  units?: (typeof UNIT_MODES)[number];

  @ApiPropertyOptional({ description: 'R1 target in % (default 50, Lào Cai plan 2022)' })
  @IsOptional()
  @IsNumberString()
  targetR1?: string;

  @ApiPropertyOptional({ description: 'R2 target in % (default 5)' })
  @IsOptional()
  @IsNumberString()
  targetR2?: string;

  @ApiPropertyOptional({ description: 'R3 target in % (default 20)' })
  @IsOptional()
  @IsNumberString()
  targetR3?: string;
}
