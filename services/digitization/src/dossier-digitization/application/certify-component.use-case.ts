import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@bcci/auth';
import { OutboxWriter } from '@bcci/messaging';
import { DataSource } from 'typeorm';
import type { CertificationKind } from '../domain/digitization.types';
import { DossierDigitizationRepository } from '../persistence/dossier-digitization.repository';
import { componentCertified } from './digitization-events';
import { digitizationView, type DigitizationView } from './digitization-view';
import { loadDossierFor } from './dossier-access';
import { staffActorOf } from './staff-actor';
import { systemClock } from '@bcci/kernel';

export interface CertifyComponentCommand {
  readonly actor: Actor;
  readonly dossierId: string;
  readonly componentCode: string;
  readonly kind: CertificationKind;
  readonly note?: string;
}

/** The operator certifies the electronic copy of a component (chứng thực bản sao điện tử). */
@Injectable()
export class CertifyComponentUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DossierDigitizationRepository) private readonly dossiers: DossierDigitizationRepository,
  ) {}

  async execute(command: CertifyComponentCommand): Promise<DigitizationView> {
    return this.dataSource.transaction(async (manager) => {
      const dossier = await loadDossierFor(this.dossiers, manager, command.actor, command.dossierId, true);
      const component = dossier.certify(command.componentCode, command.kind, staffActorOf(command.actor), systemClock.now(), command.note);
      await this.dossiers.save(manager, dossier);
      await new OutboxWriter().append(manager, componentCertified(dossier, component));
      return digitizationView(dossier);
    });
  }
}
