import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@bcci/auth';
import { DataSource } from 'typeorm';
import { formatDecisionMix } from '../domain/decision-mix';
import { SIMULATION_SETTINGS, type SimulationSettings } from '../application/simulation-settings';
import { SimulatedDossierRepository } from '../persistence/simulated-dossier.repository';

export interface SimulationStatus {
  mode: string;
  agencyIds: string[];
  mix: string;
  decisionDelayMs: number;
  feesOwedPercent: number;
  dossiersByStep: Record<string, number>;
}

@ApiTags('simulation')
@ApiBearerAuth()
@Roles('operations', 'auditor')
@Controller('simulation')
export class SimulationStatusController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SIMULATION_SETTINGS) private readonly settings: SimulationSettings,
    @Inject(SimulatedDossierRepository) private readonly dossiers: SimulatedDossierRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'What the simulator plays (agencies, mode, mix, delay) and how many dossiers are at each step.' })
  async status(): Promise<SimulationStatus> {
    return {
      mode: this.settings.mode,
      agencyIds: this.settings.agencyIds,
      mix: formatDecisionMix(this.settings.policy.mix),
      decisionDelayMs: this.settings.policy.delayMs,
      feesOwedPercent: this.settings.policy.feesOwedPercent,
      dossiersByStep: await this.dossiers.countByStep(this.dataSource.manager),
    };
  }
}
