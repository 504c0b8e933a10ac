import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { ListEligibleProceduresUseCase } from '../application/list-eligible-procedures.use-case';

@ApiTags('procedures')
@Controller('procedures')
export class ProceduresController {
  constructor(private readonly listEligible: ListEligibleProceduresUseCase) {}

  @Get()
  @Roles('clerk')
  @ApiOperation({ summary: 'Thủ tục tiếp nhận qua BCCI hôm nay tại điểm phục vụ: danh mục thành phần, phí, lệ phí, cước, thời hạn, cơ quan' })
  @ApiOkResponse({ description: '{ postalCode, date, catalogVersion, sample, procedures[] }' })
  list(@CurrentActor() actor: Actor) {
    return this.listEligible.execute(actor);
  }
}
