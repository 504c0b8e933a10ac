import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
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
  @ValidateNested()
  @Type(() => AgencyFeeDto)
  agencyFee!: AgencyFeeDto;

  @ApiProperty({ type: PostageDto })
  @ValidateNested()
  @Type(() => PostageDto)
  postage!: PostageDto;
}

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
  @MaxLength(60)
  dossierCode?: string;

  @ApiPropertyOptional({ enum: [1, 2], description: 'Kênh nộp ban đầu (hình thức 2): 1 trực tiếp, 2 trực tuyến' })
  @IsOptional()
  @IsInt()
  originalChannel?: number;
}
