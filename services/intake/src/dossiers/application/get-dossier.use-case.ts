import type { Catalog } from '@bcci/catalog';
import { toVietnamDate } from '@bcci/kernel';
import type { DossierRepository } from '../persistence/dossier.repository';
import type { DossierOrmEntity } from '../persistence/dossier.orm-entity';
import type { Clock } from './clock';
import { assertCanSee, dossierNotFound } from './dossier-access';
import { toDossierView, type DossierView } from './dossier-view';
import type { IntakeActor } from './intake-actor';

/** Loads a dossier the actor may see: 404 when it does not exist, 403 when it belongs to another point. */
export async function loadVisibleDossier(
  deps: { dossiers: DossierRepository; catalog: Catalog; clock: Clock },
  actor: IntakeActor,
  id: string,
): Promise<DossierOrmEntity> {
  const dossier = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? await deps.dossiers.findById(id) : null;
  if (!dossier) throw dossierNotFound(id);
  assertCanSee(actor, dossier.postalCode, deps.catalog.at(toVietnamDate(deps.clock.now())));
  return dossier;
}

export class GetDossierUseCase {
  constructor(private readonly deps: { dossiers: DossierRepository; catalog: Catalog; clock: Clock }) {}

  async execute(actor: IntakeActor, id: string): Promise<DossierView> {
    return toDossierView(await loadVisibleDossier(this.deps, actor, id));
  }
}
