import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotBlank } from '@bcci/service-kit';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PAYMENT_METHODS, type PaymentMethod } from '../domain/fees';

export class IdentityDocumentDto {
  @ApiProperty({ enum: ['cccd', 'passport'], description: 'CCCD (12 số) hoặc hộ chiếu' })
  @IsIn(['cccd', 'passport'])
  kind!: 'cccd' | 'passport';

  @ApiProperty({ example: '015090001234', maxLength: 20 })
  @IsString()
  @MaxLength(20)
  number!: string;
}

export class ApplicantDto {
  @ApiProperty({ example: 'Nguyễn Văn Đức', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ type: IdentityDocumentDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => IdentityDocumentDto)
  identityDocument!: IdentityDocumentDto;

  @ApiProperty({ example: '0912345678', maxLength: 30 })
  @IsString()
  @MaxLength(30)
  phone!: string;

  @ApiProperty({ example: 'Số 5, tổ 3, phường Yên Bái, tỉnh Lào Cai', maxLength: 500 })
  @IsString()
  @MaxLength(500)
  address!: string;
}

export class RecipientDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ maxLength: 30 })
  @IsString()
  @MaxLength(30)
  phone!: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MaxLength(500)
  address!: string;
}

export class ReturnDestinationDto {
  @ApiPropertyOptional({ enum: ['HOME', 'COUNTER'], default: 'HOME', description: 'Phát tận địa chỉ hoặc nhận tại quầy' })
  @IsOptional()
  @IsIn(['HOME', 'COUNTER'])
  deliveryMode?: 'HOME' | 'COUNTER';

  @ApiPropertyOptional({ example: '33100', description: 'Bưu cục phát; mặc định là điểm tiếp nhận' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  postalCode?: string;
}

export class ComponentDto {
  @ApiProperty({ example: 'TP1', description: 'Mã dòng trong danh mục thành phần (GET /procedures)' })
  @IsString()
  @MaxLength(20)
  code!: string;

  @ApiProperty({ enum: ['original', 'copy'], description: 'Bản chính / bản sao' })
  @IsIn(['original', 'copy'])
  kind!: 'original' | 'copy';

  @ApiProperty({ example: 1, minimum: 1, maximum: 100 })
  @IsInt()
  count!: number;
}

export class AgencyFeeDto {
  @ApiProperty({ example: 200000, description: 'Phí, lệ phí (đồng), đúng mức trong danh mục' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  amount!: number;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS })
  @IsOptional()
  @IsIn(PAYMENT_METHODS)
  paymentMethod?: PaymentMethod;
}

export class PostageDto {
  @ApiPropertyOptional({ example: 25000, description: 'Cước chiều gửi hồ sơ (đồng), hình thức 1 và 3' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  forwardLeg?: number;

  @ApiPropertyOptional({ example: 25000, description: 'Cước chiều trả kết quả (đồng), hình thức 2 và 3' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  returnLeg?: number;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS })
  @IsOptional()
  @IsIn(PAYMENT_METHODS)
  paymentMethod?: PaymentMethod;
}

export class FeesDto {
  @ApiProperty({ type: AgencyFeeDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AgencyFeeDto)
  agencyFee!: AgencyFeeDto;

  @ApiProperty({ type: PostageDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PostageDto)
  postage!: PostageDto;
}

/** 1 in person, 2 online (QĐ 45 Đ5); the domain re-checks it, the DTO keeps -1 and 1e308 out of the request. */
const ORIGINAL_CHANNELS = [1, 2];

/**
 * The shape of an agency's dossier code, as the kernel's DOSSIER_CODE_PATTERN reads it; validateDossierCode
 * checks the agency id and the date when the registration is checked (form 2).
 */
const DOSSIER_CODE_SHAPE = /^\s*\S+-\d{6}-\d{4}\s*$/;

/** Registration of a dossier at the counter (QĐ 45/2016 Đ6, TT 17/2017 Đ5.1). */
export class RegisterDossierRequestDto {
  @ApiProperty({ enum: [1, 2, 3], description: '1 gửi hồ sơ, 2 nhận kết quả, 3 gửi hồ sơ và nhận kết quả (QĐ 45 Đ5)' })
  @IsInt()
  serviceForm!: number;

  @ApiProperty({ example: '2.000488' })
  @IsString()
  @MaxLength(60)
  procedureCode!: string;

  @ApiProperty({ type: ApplicantDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant!: ApplicantDto;

  @ApiPropertyOptional({ type: RecipientDto, description: 'Người nhận kết quả (hình thức 2, 3); mặc định là người nộp' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecipientDto)
  recipient?: RecipientDto;

  @ApiPropertyOptional({ type: ReturnDestinationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReturnDestinationDto)
  returnDestination?: ReturnDestinationDto;

  @ApiPropertyOptional({ type: [ComponentDto], description: 'Thành phần hồ sơ đã kiểm đếm (hình thức 1, 3)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ComponentDto)
  components?: ComponentDto[];

  @ApiProperty({ type: FeesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FeesDto)
  fees!: FeesDto;

  @ApiPropertyOptional({ example: 'NP-2026-000123', description: 'Số niêm phong (hình thức 1, 3)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  sealNumber?: string;

  @ApiPropertyOptional({ example: '000.00.13.H39-260110-0042', description: 'Mã hồ sơ của cơ quan (hình thức 2)' })
  @IsOptional()
  @IsString()
  @IsNotBlank({ context: { messageVi: 'mã hồ sơ của cơ quan không được để trống' } })
  @MaxLength(60)
  @Matches(DOSSIER_CODE_SHAPE, { message: 'dossierCode must look like <agency id>-YYMMDD-XXXX', context: { messageVi: 'mã hồ sơ phải có dạng <mã cơ quan>-YYMMDD-XXXX' } })
  dossierCode?: string;

  @ApiPropertyOptional({ enum: ORIGINAL_CHANNELS, description: 'Kênh nộp ban đầu (hình thức 2): 1 trực tiếp, 2 trực tuyến' })
  @IsOptional()
  @IsIn(ORIGINAL_CHANNELS, { context: { messageVi: 'kênh nộp ban đầu phải là 1 (trực tiếp) hoặc 2 (trực tuyến)' } })
  originalChannel?: number;
}
