import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageRequest } from '@bcci/service-kit';
import { IsIn, IsOptional } from 'class-validator';

export class ListLegsRequest extends PageRequest {
  @ApiPropertyOptional({ enum: ['open', 'filed', 'withdrawn'], description: 'open = still travelling (not filed, not withdrawn)' })
  @IsOptional()
  @IsIn(['open', 'filed', 'withdrawn'], { context: { messageVi: 'trạng thái phải là open, filed hoặc withdrawn' } })
  status?: 'open' | 'filed' | 'withdrawn';

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only legs still travelling past their J+n due date' })
  @IsOptional()
  @IsIn(['true', 'false'], { context: { messageVi: 'overdue phải là true hoặc false' } })
  overdue?: 'true' | 'false';
}
