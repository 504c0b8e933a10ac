import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { GetDossierTimeline } from '../application/get-dossier-timeline.use-case';
import { SearchDossiers } from '../application/search-dossiers.use-case';
import { SearchDossiersRequest } from './search-dossiers.request.dto';

@ApiTags('dossiers')
@ApiBearerAuth()
@Roles('clerk', 'agency', 'operations', 'auditor')
@Controller('dossiers')
export class DossiersController {
  constructor(
    @Inject(GetDossierTimeline) private readonly getTimeline: GetDossierTimeline,
    @Inject(SearchDossiers) private readonly search: SearchDossiers,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Find dossiers by provisional id, dossier code or S10 item id, or those in a national status (within your scope)' })
  find(@CurrentActor() actor: Actor, @Query() query: SearchDossiersRequest) {
    return this.search.execute(actor, query);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Every event of a dossier in event-time order, with its clocks' })
  timeline(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) dossierId: string) {
    return this.getTimeline.execute(actor, dossierId);
  }
}
