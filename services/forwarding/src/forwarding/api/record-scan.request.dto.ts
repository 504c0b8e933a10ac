import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { SCAN_KINDS, type ScanKind } from '../domain/leg-status';

/** One courier scan of one dossier's item (the dossier is in the path). */
export class RecordScanRequest {
  @ApiProperty({ enum: SCAN_KINDS, description: 'DISPATCHED (đi), ARRIVED (đến), HANDED_OVER (giao cho cơ quan), in this order' })
  @IsIn(SCAN_KINDS, { context: { messageVi: 'loại quét phải là DISPATCHED, ARRIVED hoặc HANDED_OVER' } })
  kind!: ScanKind;

  @ApiProperty({ pattern: '^\\d{5}$', example: '33100', description: 'Postal code of the place of the scan' })
  @Matches(/^\d{5}$/, { context: { messageVi: 'mã bưu chính nơi quét phải gồm 5 chữ số' } })
  postalCode!: string;

  @ApiProperty({ format: 'date-time', example: '2025-03-12T15:40:00+07:00' })
  @IsISO8601({ strict: true }, { context: { messageVi: 'thời điểm quét phải theo định dạng ISO 8601 có múi giờ' } })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { context: { messageVi: 'thời điểm quét phải có múi giờ' } })
  at!: string;

  @ApiPropertyOptional({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$', description: 'Bag or run reference (số túi/chuyến thư)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { context: { messageVi: 'số túi/chuyến thư không hợp lệ' } })
  bagRef?: string;
}
