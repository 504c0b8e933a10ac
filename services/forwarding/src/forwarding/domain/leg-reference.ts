/** A dossier named by its id or by the S10 id printed on its sending slip (what a courier scans). */
export type LegReference = { readonly dossierId: string } | { readonly s10ItemId: string };

export function describeReference(reference: LegReference): string {
  return 'dossierId' in reference ? reference.dossierId : reference.s10ItemId;
}
