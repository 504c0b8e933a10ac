import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const MAX_HANDOVER_ITEMS = 500;
const STAFF_REF = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** One dossier of the record: by dossier id or by S10 id (exactly one), with the documents counted. */
export class HandoverItemRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { context: { messageVi: 'mã hồ sơ không hợp lệ' } })
  dossierId?: string;

  @ApiPropertyOptional({ example: 'EB123456785VN' })
  @IsOptional()
  @Matches(/^[A-Z]{2}\d{9}[A-Z]{2}$/, { context: { messageVi: 'số hiệu bưu gửi phải theo dạng S10' } })
  s10ItemId?: string;

  @ApiProperty({ minimum: 0, maximum: 10000, description: 'Documents (originals + copies) counted by both sides' })
  @IsInt({ context: { messageVi: 'số giấy tờ kiểm đếm phải là số nguyên' } })
  @Min(0)
  @Max(10000)
  documentsCounted!: number;
}

/** The handover record (Biên bản giao nhận) as signed at the agency's desk. */
export class SignHandoverRecordRequest {
  @ApiProperty({ type: [HandoverItemRequest], minItems: 1, maxItems: MAX_HANDOVER_ITEMS })
  @IsArray()
  @ArrayMinSize(1, { context: { messageVi: 'biên bản phải có ít nhất một hồ sơ' } })
  @ArrayMaxSize(MAX_HANDOVER_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => HandoverItemRequest)
  items!: HandoverItemRequest[];

  @ApiProperty({ format: 'date-time', description: 'When the postal side signed (the agency too, if it signed on paper)' })
  @IsISO8601({ strict: true }, { context: { messageVi: 'thời điểm ký phải theo định dạng ISO 8601 có múi giờ' } })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { context: { messageVi: 'thời điểm ký phải có múi giờ' } })
  signedAt!: string;

  @ApiPropertyOptional({ description: 'Business reference of the postal employee who signs; the caller by default' })
  @IsOptional()
  @Matches(STAFF_REF, { context: { messageVi: 'mã nhân viên bưu chính ký biên bản không hợp lệ' } })
  postalSignerRef?: string;

  @ApiPropertyOptional({ maxLength: 200, description: "The agency receiver's name as signed on the paper record; omit when the agency signs through its gateway" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  agencySignerName?: string;

  @ApiPropertyOptional({ description: "The agency receiver's business reference, if known" })
  @IsOptional()
  @Matches(STAFF_REF, { context: { messageVi: 'mã người tiếp nhận của cơ quan không hợp lệ' } })
  agencySignerRef?: string;

  @ApiPropertyOptional({ pattern: '^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$', description: 'Number printed on the paper record; generated when absent' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$/, { context: { messageVi: 'số biên bản không hợp lệ' } })
  recordNumber?: string;

  @ApiPropertyOptional({ enum: ['CASH', 'BANK_TRANSFER'], default: 'CASH', description: 'How the collected agency fees are remitted' })
  @IsOptional()
  @IsIn(['CASH', 'BANK_TRANSFER'])
  remittanceMethod?: 'CASH' | 'BANK_TRANSFER';
}
