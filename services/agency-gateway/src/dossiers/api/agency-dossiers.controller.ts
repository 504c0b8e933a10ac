import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { RequestApplicantDataUseCase, type ApplicantClaimCheck } from '../../applicant-access/application/request-applicant-data.use-case';
import { assertDossierOfAgency } from '../domain/agency-dossier.rules';
import { GetAgencyDossierUseCase, type AgencyDossierView } from '../application/get-agency-dossier.use-case';

@ApiTags('agency dossiers')
@ApiBearerAuth()
@Roles('agency')
@Controller('agency/dossiers')
export class AgencyDossiersController {
  constructor(
    @Inject(GetAgencyDossierUseCase) private readonly getDossier: GetAgencyDossierUseCase,
    @Inject(RequestApplicantDataUseCase) private readonly applicantData: RequestApplicantDataUseCase,
  ) {}

  @Get(':dossierId')
  @ApiOperation({ summary: 'One of the agency’s dossiers with its national status (channel 3) and agency deadline.' })
  @ApiResponse({ status: 403, description: 'The dossier belongs to another agency.' })
  get(@CurrentActor() actor: Actor, @Param('dossierId', new ParseUUIDPipe()) dossierId: string): Promise<AgencyDossierView> {
    return this.getDossier.execute(dossierId, (state) => assertDossierOfAgency(state, actor.agencyId!));
  }

  @Get(':dossierId/applicant')
  @ApiOperation({
    summary: 'Claim check for the applicant’s personal data: audited here; returns the intake endpoint that serves it to an agency-role token.',
  })
  @ApiQuery({ name: 'purpose', required: false })
  applicant(@CurrentActor() actor: Actor, @Param('dossierId', new ParseUUIDPipe()) dossierId: string, @Query('purpose') purpose?: string): Promise<ApplicantClaimCheck> {
    return this.applicantData.execute({ dossierId, agencyId: actor.agencyId!, actorSubject: actor.subject, purpose: purpose?.slice(0, 200) });
  }
}
