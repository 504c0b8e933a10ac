import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

/** The text fields of the multipart form (the file itself is the `file` part). */
export class UploadResultScanRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'The result to digitize; default the latest result issued for the dossier.' })
  @IsOptional()
  @IsUUID()
  resultId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'The operator certifies that the scan matches the paper result.' })
  @IsOptional()
  @IsIn(['true', 'false'])
  certified?: 'true' | 'false';
}
