import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@bcci/auth';
import { OutboxWriter } from '@bcci/messaging';
import { transactionWithRetry } from '@bcci/persistence';
import { DataSource } from 'typeorm';
import type { CertificationKind } from '../domain/digitization.types';
import { certifyComponent } from '../domain/dossier-digitization.rules';
import { DossierDigitizationRepository } from '../persistence/dossier-digitization.repository';
import { CLOCK, type Clock } from './clock';
import { writeDigitizationDecision } from './digitization-events';
import { digitizationView, type DigitizationView } from './digitization-view';
import { loadDossierFor } from './dossier-access';
import { staffActorOf } from './staff-actor';

export interface CertifyComponentCommand {
  readonly actor: Actor;
  readonly dossierId: string;
  readonly componentCode: string;
  readonly kind: CertificationKind;
  readonly note?: string;
}

/**
 * The operator certifies the electronic copy of a component (rule: certifyComponent). The dossier is
 * locked, so a second operator, a new scan or the completion at the same moment queue behind it; the
 * whole step runs again on a deadlock or serialization failure.
 */
@Injectable()
export class CertifyComponentUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DossierDigitizationRepository) private readonly dossiers: DossierDigitizationRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CertifyComponentCommand): Promise<DigitizationView> {
    return transactionWithRetry(this.dataSource, async (manager) => {
      const dossier = await loadDossierFor(this.dossiers, manager, command.actor, command.dossierId, true);
      const now = this.clock.now();
      const decision = certifyComponent(
        dossier,
        { componentCode: command.componentCode, kind: command.kind, ...(command.note === undefined ? {} : { note: command.note }), actor: staffActorOf(command.actor) },
        { now },
      );
      await writeDigitizationDecision(manager, { dossiers: this.dossiers, outbox: this.outbox }, dossier, decision, now);
      return digitizationView(decision.state);
    });
  }
}
