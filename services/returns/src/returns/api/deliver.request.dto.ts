import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IDENTITY_DOCUMENT_TYPES, RECIPIENT_KINDS, type IdentityDocumentType, type RecipientKind } from '../domain/recipient-identity.rule';
import { IsZonedTimestamp } from './timestamp.validators';

export class TakenBackDocumentRequest {
  @ApiProperty({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', example: 'GPLX-CU', description: 'Code of the kind of document taken back' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { context: { messageVi: 'mã giấy tờ thu hồi không hợp lệ' } })
  documentCode!: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Giấy phép lái xe cũ' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { context: { messageVi: 'tên giấy tờ dài quá 200 ký tự' } })
  @Matches(/^(?![\s\S]*\d{10})[\s\S]+$/, { context: { messageVi: 'tên giấy tờ không được chứa số giấy tờ tuỳ thân' } })
  title?: string;

  @ApiProperty({ minimum: 1, maximum: 100 })
  @IsInt({ context: { messageVi: 'số bản phải là số nguyên' } })
  @Min(1)
  @Max(100)
  count!: number;
}

/**
 * The handover to the recipient. The ID document's number is deliberately not a field: a body that
 * carries it (or any unknown field) is refused with 400.
 */
export class DeliverRequest {
  @IsZonedTimestamp('thời điểm trao kết quả')
  deliveredAt!: string;

  @ApiProperty({ enum: RECIPIENT_KINDS })
  @IsIn(RECIPIENT_KINDS, { context: { messageVi: 'người nhận phải là APPLICANT, RECIPIENT hoặc AUTHORISED_PROXY' } })
  recipientKind!: RecipientKind;

  @ApiProperty({ enum: IDENTITY_DOCUMENT_TYPES, description: 'Type of ID document checked (CCCD or passport); never its number' })
  @IsIn(IDENTITY_DOCUMENT_TYPES, { context: { messageVi: 'giấy tờ tuỳ thân phải là CCCD hoặc hộ chiếu (PASSPORT)' } })
  identityDocumentType!: IdentityDocumentType;

  @ApiProperty({ description: 'The document matches the person and the recipient on file' })
  @IsBoolean({ context: { messageVi: 'kết quả đối chiếu giấy tờ phải là true/false' } })
  identityMatches!: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: "Reference of the proxy's authorisation (required for AUTHORISED_PROXY)" })
  @IsOptional()
  @IsUUID('all', { context: { messageVi: 'tham chiếu giấy uỷ quyền không hợp lệ' } })
  authorisationRef?: string;

  @ApiPropertyOptional({ type: [TakenBackDocumentRequest], description: 'Documents the agency requires back (TT 17 Đ5.2.đ)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TakenBackDocumentRequest)
  takenBackDocuments?: TakenBackDocumentRequest[];

  @ApiProperty({ minimum: 0, description: 'Fees collected on delivery, integer VND; must equal what the result says is owed' })
  @IsInt({ context: { messageVi: 'số tiền thu phải là số nguyên (đồng)' } })
  @Min(0, { context: { messageVi: 'số tiền thu không được âm' } })
  @Max(100_000_000_000)
  feesCollected!: number;
}
