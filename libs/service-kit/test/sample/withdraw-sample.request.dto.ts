import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '../../src';

export class WithdrawSampleRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  dossierId!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotBlank()
  @MaxLength(200, { context: { messageVi: 'lý do rút hồ sơ dài quá 200 ký tự' } })
  reason!: string;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  agencyFees!: number;
}
