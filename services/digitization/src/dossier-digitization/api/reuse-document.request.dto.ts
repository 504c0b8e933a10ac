import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

export class ReuseDocumentRequest {
  @ApiProperty({
    enum: ['PREVIOUS_DOSSIER', 'CITIZEN_DATA_STORE', 'NATIONAL_DATABASE'],
    description: 'Nguồn tái sử dụng: hồ sơ trước, kho dữ liệu điện tử của tổ chức/cá nhân, cơ sở dữ liệu quốc gia.',
  })
  @IsIn(['PREVIOUS_DOSSIER', 'CITIZEN_DATA_STORE', 'NATIONAL_DATABASE'])
  sourceKind!: 'PREVIOUS_DOSSIER' | 'CITIZEN_DATA_STORE' | 'NATIONAL_DATABASE';

  @ApiProperty({ format: 'uuid', description: 'PREVIOUS_DOSSIER: id of the earlier dossier; otherwise an opaque reference to the source record.' })
  @IsUUID()
  sourceRef!: string;

  @ApiPropertyOptional({ description: 'PREVIOUS_DOSSIER: component of the earlier dossier whose document is reused.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
  sourceComponentCode?: string;

  @ApiPropertyOptional({ description: 'The document by its hash (sha256:<64 hex>), already held in the document store.' })
  @IsOptional()
  @Matches(/^(sha256:)?[0-9a-f]{64}$/)
  contentHash?: string;
}
