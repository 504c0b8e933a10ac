import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DELIVERY_FAILURE_REASONS, PARTY_KINDS, type DeliveryFailureReason, type PartyKind } from '../domain/delivery-failure-reason';
import { IsZonedTimestamp } from './timestamp.validators';

/** A failed home delivery (UPU EMH). */
export class DeliveryAttemptRequest {
  @IsZonedTimestamp('thời điểm phát')
  attemptedAt!: string;

  @ApiProperty({ enum: DELIVERY_FAILURE_REASONS, description: 'UPU-style reason code (see the delivery-attempted schema)' })
  @IsIn(DELIVERY_FAILURE_REASONS, { context: { messageVi: 'mã lý do phát không thành công không hợp lệ' } })
  reasonCode!: DeliveryFailureReason;

  @ApiPropertyOptional({ enum: PARTY_KINDS, description: 'Who bears the cost of delivering again (QĐ 45 Đ12.4); default from the reason' })
  @IsOptional()
  @IsIn(PARTY_KINDS, { context: { messageVi: 'bên chịu chi phí phát lại không hợp lệ' } })
  costBorneBy?: PartyKind;

  @ApiPropertyOptional({ default: true, description: 'An invitation (giấy mời) was left' })
  @IsOptional()
  @IsBoolean({ context: { messageVi: 'đã để lại giấy mời phải là true/false' } })
  invitationLeft?: boolean;

  @ApiPropertyOptional({ maxLength: 500, description: 'Free text without personal data (no run of 10 digits)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500, { context: { messageVi: 'ghi chú dài quá 500 ký tự' } })
  @Matches(/^(?![\s\S]*\d{10})[\s\S]*$/, { context: { messageVi: 'ghi chú không được chứa số giấy tờ hay số điện thoại' } })
  note?: string;
}
