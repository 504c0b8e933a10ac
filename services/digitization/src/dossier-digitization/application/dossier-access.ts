import type { Actor } from '@bcci/auth';
import { assertPostalPointScope } from '@bcci/auth';
import { NotFoundError } from '@bcci/kernel';
import type { EntityManager } from 'typeorm';
import type { DossierDigitizationState } from '../domain/dossier-digitization';
import type { DossierDigitizationRepository } from '../persistence/dossier-digitization.repository';

export class UnknownDossierError extends NotFoundError {
  constructor(dossierId: string) {
    super({
      code: 'DOSSIER_UNKNOWN',
      message: `Dossier ${dossierId} is not known to digitization (not registered at intake, or not yet received)`,
      messageVi: 'Không tìm thấy hồ sơ cần số hoá (hồ sơ chưa được tiếp nhận hoặc chưa đồng bộ từ bộ phận tiếp nhận).',
      details: { dossierId },
    });
  }
}

/**
 * Loads a dossier for an actor: 404 when unknown, 403 when it was received at another postal point
 * (operations: another province). Locked for update when the caller will change it.
 */
export async function loadDossierFor(
  repository: DossierDigitizationRepository,
  manager: EntityManager,
  actor: Actor,
  dossierId: string,
  forUpdate: boolean,
): Promise<DossierDigitizationState> {
  const dossier = forUpdate ? await repository.findForUpdate(manager, dossierId) : await repository.find(manager, dossierId);
  return dossierFor(actor, dossierId, dossier);
}

/** A dossier loaded for an actor, checked: 404 when unknown, 403 when received at another postal point. */
export function dossierFor(actor: Actor, dossierId: string, dossier: DossierDigitizationState | undefined): DossierDigitizationState {
  if (!dossier) throw new UnknownDossierError(dossierId);
  assertPostalPointScope(actor, dossier.site.postalCode, dossier.provinceCode ? { provinceCode: dossier.provinceCode } : {});
  return dossier;
}
