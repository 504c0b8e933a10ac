import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { QueryInt } from '@bcci/service-kit';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class SearchDossiersRequest {
  @ApiPropertyOptional({ description: 'Any reference: provisional id, dossier code or S10 item id' })
  @IsOptional() @IsString() @MaxLength(60) reference?: string;

  @ApiPropertyOptional({ example: 'BCCI-33100-250312-0007' })
  @IsOptional() @Matches(/^BCCI-\d{5}-\d{6}-\d{4}$/, { message: 'provisionalDossierId must look like BCCI-33100-250312-0007' }) provisionalDossierId?: string;

  @ApiPropertyOptional({ example: '000.00.13.H65-250313-0042' })
  @IsOptional() @Matches(/^[0-9A-Z.]{1,35}-\d{6}-\d{4}$/, { message: 'dossierCode must look like 000.00.13.H65-250313-0042' }) dossierCode?: string;

  @ApiPropertyOptional({ example: 'EB123456785VN' })
  @IsOptional() @Matches(/^[A-Za-z]{2}\d{9}[A-Za-z]{2}$/, { message: 's10ItemId must look like EB123456785VN' }) s10ItemId?: string;

  @ApiPropertyOptional({ description: 'Without a reference: the dossiers now in this national status (1–10; 5 = supplement requested), the longest waiting first', minimum: 1, maximum: 10 })
  @IsOptional() @QueryInt() @IsInt() @Min(1) @Max(10) nationalStatus?: number;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}
