import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min } from 'class-validator';

export class WithdrawSampleRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  dossierId!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200, { context: { messageVi: 'lý do rút hồ sơ dài quá 200 ký tự' } })
  reason!: string;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  agencyFees!: number;
}
