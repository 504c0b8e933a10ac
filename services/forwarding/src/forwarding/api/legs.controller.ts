import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { GetLegQuery } from '../application/get-leg.query';
import type { LegView } from '../application/leg.view';
import { ListLegsQuery } from '../application/list-legs.query';
import { ListLegsRequest } from './list-legs.request.dto';

@ApiTags('postal legs')
@ApiBearerAuth()
@Controller()
export class LegsController {
  constructor(
    @Inject(GetLegQuery) private readonly getLeg: GetLegQuery,
    @Inject(ListLegsQuery) private readonly listLegs: ListLegsQuery,
  ) {}

  @Get('dossiers/:id/leg')
  @Roles('courier', 'clerk', 'operations', 'auditor', 'agency')
  @ApiOperation({ summary: "The dossier's leg to the agency: status, J+n deadline, late or not, scans, handover" })
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) dossierId: string): Promise<LegView> {
    return this.getLeg.execute(actor, dossierId);
  }

  @Get('legs')
  @Roles('courier', 'clerk', 'operations', 'auditor', 'agency')
  @ApiOperation({ summary: "Legs within the caller's scope, earliest due date first (e.g. ?status=open&overdue=true)" })
  list(@CurrentActor() actor: Actor, @Query() query: ListLegsRequest): Promise<{ items: LegView[]; total: number }> {
    return this.listLegs.execute(actor, {
      ...(query.status ? { status: query.status } : {}),
      ...(query.overdue ? { overdue: query.overdue === 'true' } : {}),
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }
}
