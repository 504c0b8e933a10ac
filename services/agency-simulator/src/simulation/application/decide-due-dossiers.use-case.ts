import type { DataSource } from 'typeorm';
import { decideIfDue } from '../domain/simulated-dossier';
import type { SimulatedDossierRepository } from '../persistence/simulated-dossier.repository';
import type { DecisionDispatcher } from './decision-dispatcher.port';
import type { SimulationSettings } from './simulation-settings';
import { systemClock } from '@bcci/kernel';

const BATCH = 100;

/** Makes every decision that fell due (state + command in one transaction); returns how many. */
export class DecideDueDossiersUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SimulationSettings,
    private readonly dossiers: SimulatedDossierRepository,
    private readonly dispatcher: DecisionDispatcher,
    private readonly clock: () => Date = () => systemClock.now(),
  ) {}

  execute(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock();
      const due = await this.dossiers.lockDue(manager, now, BATCH);
      let decided = 0;
      for (const stored of due) {
        const transition = decideIfDue(stored.dossier, now, this.settings.policy);
        if (!transition.changed) continue;
        const dispatched = await this.dispatcher.dispatch(manager, { ...stored, dossier: transition.dossier }, transition.commands, {});
        await this.dossiers.save(manager, dispatched);
        decided++;
      }
      return decided;
    });
  }
}
