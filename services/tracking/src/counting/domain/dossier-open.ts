import type { DossierFact } from './dossier-fact';

/**
 * A dossier leaves the operations backlog when its journey ends: result delivered or returned to the
 * agency, withdrawn, rejected, or resolved with the result not returned by post.
 */
export function isDossierOpen(fact: DossierFact): boolean {
  if (fact.deliveredDay || fact.returnedToAgencyDay || fact.withdrawnDay || fact.rejectedDay) return false;
  if (fact.resultIssuedDay && !fact.returnByPostDay) return false;
  return true;
}
