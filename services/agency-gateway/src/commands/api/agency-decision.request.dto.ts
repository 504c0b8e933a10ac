import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const NO_LONG_DIGIT_RUNS = /^(?![\s\S]*\d{10})[\s\S]*$/;
const SAFE_TEXT = { message: 'must not contain 10 or more digits in a row (no personal data)', context: { messageVi: 'không được chứa dãy từ 10 chữ số (dữ liệu cá nhân)' } };

export class DocumentRefDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() documentId!: string;
  @ApiProperty({ example: 'sha256:…' }) @Matches(/^sha256:[0-9a-f]{64}$/) contentHash!: string;
  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'] }) @IsIn(['application/pdf', 'image/jpeg', 'image/png']) mediaType!: 'application/pdf' | 'image/jpeg' | 'image/png';
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(10000) pageCount?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1073741824) sizeBytes?: number;
}

export class SignHandoverRequest {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() handoverRecordId?: string;
  @ApiPropertyOptional({ example: '000.00.00.H38-250313-0042', description: 'Mã hồ sơ do hệ thống một cửa của cơ quan cấp.' })
  @IsOptional()
  @Matches(/^[0-9A-Z.]{1,35}-\d{6}-\d{4}$/)
  dossierCode?: string;
}

export class BatchHandoverItem extends SignHandoverRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() dossierId!: string;
}

export class SignHandoverBatchRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Lô giao nhận; mặc định một mã mới.' }) @IsOptional() @IsUUID() batchId?: string;
  @ApiProperty({ type: [BatchHandoverItem] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BatchHandoverItem)
  dossiers!: BatchHandoverItem[];
}

export class RequestedComponentDto {
  @ApiProperty({ example: 'GT-TUY-THAN' }) @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/) componentCode!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) @Matches(NO_LONG_DIGIT_RUNS, SAFE_TEXT) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) @Matches(NO_LONG_DIGIT_RUNS, SAFE_TEXT) note?: string;
}

export class RequestSupplementRequest {
  @ApiProperty({ type: [RequestedComponentDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RequestedComponentDto)
  requestedComponents!: RequestedComponentDto[];

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) @Matches(NO_LONG_DIGIT_RUNS, SAFE_TEXT) reason!: string;
  @ApiPropertyOptional({ type: DocumentRefDto, description: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentRefDto)
  notice?: DocumentRefDto;
}

export const REJECTION_REASON_CODES = ['NOT_ELIGIBLE', 'INCOMPLETE', 'WRONG_AGENCY', 'SUPPLEMENT_NOT_PROVIDED', 'LEGAL_GROUNDS', 'OTHER'] as const;

export class RejectDossierRequest {
  @ApiProperty({ enum: REJECTION_REASON_CODES }) @IsIn(REJECTION_REASON_CODES) reasonCode!: (typeof REJECTION_REASON_CODES)[number];
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) @Matches(NO_LONG_DIGIT_RUNS, SAFE_TEXT) reason!: string;
  @ApiPropertyOptional({ type: DocumentRefDto, description: 'Phiếu từ chối giải quyết (Mẫu 03).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentRefDto)
  refusalSlip?: DocumentRefDto;
}

export class RescheduleProcessingRequest {
  @ApiProperty({ example: '2025-04-03', description: 'Ngày hẹn trả mới (sau hạn hiện tại).' })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  newDueDate!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) @Matches(NO_LONG_DIGIT_RUNS, SAFE_TEXT) reason!: string;
  @ApiPropertyOptional({ type: DocumentRefDto, description: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentRefDto)
  apologySlip?: DocumentRefDto;
}

export class DocumentToTakeBackDto {
  @ApiProperty({ example: 'GPLX-CU', description: 'Mã loại giấy tờ phải thu hồi.' }) @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/) documentCode!: string;
  @ApiPropertyOptional({ example: 'Giấy phép lái xe cũ' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) @Matches(NO_LONG_DIGIT_RUNS, SAFE_TEXT) title?: string;
  @ApiProperty({ minimum: 1, maximum: 100 }) @IsInt() @Min(1) @Max(100) count!: number;
}

export class IssueResultRequest {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() resultId?: string;
  @ApiProperty({ enum: ['DOCUMENT', 'REFERENCE'] }) @IsIn(['DOCUMENT', 'REFERENCE']) resultKind!: 'DOCUMENT' | 'REFERENCE';
  @ApiProperty({ enum: ['DIGITAL', 'PAPER'] }) @IsIn(['DIGITAL', 'PAPER']) medium!: 'DIGITAL' | 'PAPER';
  @ApiPropertyOptional({ type: DocumentRefDto }) @IsOptional() @ValidateNested() @Type(() => DocumentRefDto) document?: DocumentRefDto;
  @ApiPropertyOptional({ example: '1234/LLTP-STP' }) @IsOptional() @Matches(/^[0-9A-Za-zĐđ][0-9A-Za-zĐđ/._-]{0,59}$/) resultReference?: string;
  @ApiProperty({ description: 'Phí, lệ phí còn phải nộp khi nhận kết quả (VND).' }) @IsInt() @Min(0) @Max(100000000000) feesOwed!: number;
  @ApiPropertyOptional({ type: [DocumentToTakeBackDto], description: 'Giấy tờ nhân viên bưu chính phải thu hồi trước khi trao kết quả (TT 17/2017 Đ5.2.đ).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DocumentToTakeBackDto)
  documentsToTakeBack?: DocumentToTakeBackDto[];
}

export class CompleteSupplementRequest {
  @ApiProperty({ enum: ['POSTAL', 'ONLINE', 'IN_PERSON'] }) @IsIn(['POSTAL', 'ONLINE', 'IN_PERSON']) submissionChannel!: 'POSTAL' | 'ONLINE' | 'IN_PERSON';
}
