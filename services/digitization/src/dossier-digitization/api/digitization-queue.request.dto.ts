import { ApiPropertyOptional } from '@nestjs/swagger';
import { QueryInt } from '@bcci/service-kit';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const QUEUE_DEFAULT_LIMIT = 50;

export class DigitizationQueueRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: QUEUE_DEFAULT_LIMIT, description: 'Số hồ sơ tối đa trả về (cũ nhất trước).' })
  @IsOptional()
  @QueryInt()
  @IsInt({ context: { messageVi: 'limit phải là số nguyên' } })
  @Min(1, { context: { messageVi: 'limit phải từ 1 đến 200' } })
  @Max(200, { context: { messageVi: 'limit phải từ 1 đến 200' } })
  limit?: number;
}
