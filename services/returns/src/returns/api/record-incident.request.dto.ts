import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { AFFECTED_ITEMS, INCIDENT_KINDS, LEG_DIRECTIONS } from '../domain/incident.rules';
import { PARTY_KINDS, type PartyKind } from '../domain/delivery-failure-reason';
import { IsNotBlank } from '@bcci/service-kit';
import { IsZonedTimestamp } from './timestamp.validators';

/** The incident record (biên bản sự cố) of a loss or damage, QĐ 45 Đ14. */
export class RecordIncidentRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { context: { messageVi: 'mã hồ sơ không hợp lệ' } })
  dossierId!: string;

  @ApiPropertyOptional({ enum: LEG_DIRECTIONS, default: 'TO_RECIPIENT' })
  @IsOptional()
  @IsIn(LEG_DIRECTIONS, { context: { messageVi: 'chiều chặng phải là TO_AGENCY hoặc TO_RECIPIENT' } })
  legDirection?: (typeof LEG_DIRECTIONS)[number];

  @ApiProperty({ enum: INCIDENT_KINDS, description: 'LOSS (mất) or DAMAGE (hư hỏng)' })
  @IsIn(INCIDENT_KINDS, { context: { messageVi: 'loại sự cố phải là LOSS hoặc DAMAGE' } })
  kind!: (typeof INCIDENT_KINDS)[number];

  @ApiProperty({ enum: AFFECTED_ITEMS, description: 'What was lost or damaged' })
  @IsIn(AFFECTED_ITEMS, { context: { messageVi: 'vật bị mất/hư hỏng không hợp lệ' } })
  affectedItem!: (typeof AFFECTED_ITEMS)[number];

  @ApiProperty({ enum: PARTY_KINDS, description: 'POSTAL, AGENCY, APPLICANT (citizen), THIRD_PARTY, UNDETERMINED (unknown)' })
  @IsIn(PARTY_KINDS, { context: { messageVi: 'bên có lỗi không hợp lệ' } })
  partyAtFault!: PartyKind;

  @ApiProperty({ minimum: 0, description: 'Cost incurred, integer VND' })
  @IsInt({ context: { messageVi: 'chi phí phải là số nguyên (đồng)' } })
  @Min(0, { context: { messageVi: 'chi phí không được âm' } })
  @Max(100_000_000_000)
  cost!: number;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'Compensation, integer VND' })
  @IsOptional()
  @IsInt({ context: { messageVi: 'tiền bồi thường phải là số nguyên (đồng)' } })
  @Min(0, { context: { messageVi: 'tiền bồi thường không được âm' } })
  @Max(100_000_000_000)
  compensation?: number;

  @IsZonedTimestamp('thời điểm xảy ra sự cố')
  occurredAt!: string;

  @ApiProperty({ maxLength: 2000, description: 'What happened (no personal data)' })
  @IsString()
  @MinLength(1, { context: { messageVi: 'phải mô tả sự cố' } })
  @IsNotBlank({ context: { messageVi: 'phải mô tả sự cố' } })
  @MaxLength(2000, { context: { messageVi: 'mô tả dài quá 2000 ký tự' } })
  @Matches(/^(?![\s\S]*\d{10})[\s\S]*$/, { context: { messageVi: 'mô tả không được chứa số giấy tờ hay số điện thoại' } })
  description!: string;
}
