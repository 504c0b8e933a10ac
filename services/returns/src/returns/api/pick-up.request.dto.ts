import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsZonedTimestamp } from './timestamp.validators';

export class PickUpRequest {
  @IsZonedTimestamp('thời điểm nhận kết quả tại cơ quan')
  pickedUpAt!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 1, description: 'Items taken (số bưu gửi)' })
  @IsOptional()
  @IsInt({ context: { messageVi: 'số bưu gửi phải là số nguyên' } })
  @Min(1, { context: { messageVi: 'số bưu gửi ít nhất là 1' } })
  @Max(100, { context: { messageVi: 'số bưu gửi tối đa là 100' } })
  itemsCount?: number;
}
