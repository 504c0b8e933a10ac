import type { Catalog } from '@bcci/catalog';

/**
 * The default agencies of the simulator: the catalog's demo agencies, plus every agency competent today
 * for a procedure offered through BCCI, so that every dossier the demo registers is answered.
 */
export function defaultSimulatedAgencies(catalog: Catalog, today: Date): string[] {
  const day = catalog.at(today);
  const ids = new Set<string>();
  for (const agency of day.agencies()) if (agency.demo) ids.add(agency.id);
  for (const procedure of day.bcciProcedures()) {
    const competent = day.findCompetentAgency(procedure.code);
    if (competent) ids.add(competent.id);
  }
  return [...ids].sort();
}
