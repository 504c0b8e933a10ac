import type { DossierFact, ReturnedItem } from './dossier-fact';

/**
 * What a dossier's return leg carries, for counting (domain.md §6: R3 counts results, not refusal slips).
 * The leg says it (`returnedItem` of return-leg-opened). When it does not (the field is optional in v1,
 * or the leg is not known yet), a dossier the agency rejected without ever issuing a result can only
 * be returning its refusal slip; anything else is a result.
 */
export function returnedItemOf(fact: DossierFact): ReturnedItem {
  if (fact.returnedItem) return fact.returnedItem;
  return fact.rejectedDay !== null && fact.resultIssuedDay === null ? 'REFUSAL_SLIP' : 'RESULT';
}
