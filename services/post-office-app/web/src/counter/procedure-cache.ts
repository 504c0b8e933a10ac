import type { EligibleProcedures } from './counter-views';

/**
 * The last procedure list a postal point loaded, kept in the browser, so a counter that opens the app
 * while the line is down can still choose a procedure and register (the outbox sends it when the line
 * returns, and intake checks it again then). It holds no personal data: the point's catalog only.
 */
const keyOf = (postalCode: string) => `bcci.post-office-app.procedures.${postalCode}`;

export function rememberProcedures(postalCode: string, catalog: EligibleProcedures): void {
  try {
    localStorage.setItem(keyOf(postalCode), JSON.stringify(catalog));
  } catch {
    // A full or disabled storage only costs the offline fallback.
  }
}

export function rememberedProcedures(postalCode: string): EligibleProcedures | undefined {
  try {
    const text = localStorage.getItem(keyOf(postalCode));
    if (!text) return undefined;
    const catalog = JSON.parse(text) as EligibleProcedures;
    return catalog.postalCode === postalCode && Array.isArray(catalog.procedures) ? catalog : undefined;
  } catch {
    return undefined;
  }
}
