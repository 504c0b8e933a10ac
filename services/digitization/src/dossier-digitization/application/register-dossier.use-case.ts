import { Inject, Injectable } from '@nestjs/common';
import type { BcciEvent, EventType } from '@bcci/contracts';
import type { EntityManager } from 'typeorm';
import { resolveComponents } from '../domain/checklist';
import { registerDigitization } from '../domain/dossier-digitization';
import { DossierDigitizationRepository } from '../persistence/dossier-digitization.repository';
import { CHECKLIST_SOURCE, type ChecklistSource } from './checklist-source.port';

/**
 * A dossier registered at intake becomes known here, with its declared components judged against the
 * procedure's checklist of the intake day. Runs in the consumer's inbox transaction; a dossier already
 * known (the same registration under another event id) changes nothing.
 */
@Injectable()
export class RegisterDossierUseCase {
  constructor(
    @Inject(CHECKLIST_SOURCE) private readonly checklists: ChecklistSource,
    @Inject(DossierDigitizationRepository) private readonly dossiers: DossierDigitizationRepository,
  ) {}

  async execute(manager: EntityManager, event: BcciEvent<typeof EventType.DossierRegistered>): Promise<boolean> {
    const data = event.data;
    const checklist = this.checklists.checklistFor(data.procedureCode, data.intakeDay);
    const provinceCode = data.intakeSite.provinceCode ?? this.checklists.provinceOfPostalPoint(data.intakeSite.postalCode, data.intakeDay);
    const dossier = registerDigitization({
      dossierId: data.dossierId,
      provisionalDossierId: data.provisionalDossierId,
      procedureCode: data.procedureCode,
      intakeDay: data.intakeDay,
      catalogVersion: data.catalogVersion,
      site: { kind: data.intakeSite.kind, postalCode: data.intakeSite.postalCode },
      ...(provinceCode ? { provinceCode } : {}),
      ...(data.returnDestination ? { returnPostalCode: data.returnDestination.postalCode } : {}),
      registeredAt: new Date(data.registeredAt),
      correlationId: event.correlationid,
      components: resolveComponents(data.components ?? [], checklist),
    });
    return this.dossiers.insertIfAbsent(manager, dossier);
  }
}
