/**
 * The simulated agency's decision policy: which share of dossiers it approves, sends back for a
 * supplement, or rejects. The choice is a pure function of the dossier id, so a restarted simulator (or a
 * redelivered event) always makes the same decision for the same dossier.
 */
export const DECISION_OUTCOMES = ['approve', 'supplement', 'reject'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export type DecisionMix = Readonly<Record<DecisionOutcome, number>>;

export const DEFAULT_DECISION_MIX_TEXT = 'approve:80,supplement:10,reject:10';

export class DecisionMixError extends Error {}

/** `approve:80,supplement:10,reject:10`: non-negative integer weights, any total above zero; a missing outcome weighs 0. */
export function parseDecisionMix(text: string): DecisionMix {
  const weights: Record<DecisionOutcome, number> = { approve: 0, supplement: 0, reject: 0 };
  const seen = new Set<string>();
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([a-z-]+)\s*:\s*(\d{1,6})$/.exec(part);
    if (!match) throw new DecisionMixError(`"${part}" is not outcome:weight (e.g. approve:80)`);
    const [, name, weight] = match;
    if (!(DECISION_OUTCOMES as readonly string[]).includes(name)) {
      throw new DecisionMixError(`unknown outcome "${name}" (expected ${DECISION_OUTCOMES.join(', ')})`);
    }
    if (seen.has(name)) throw new DecisionMixError(`outcome "${name}" is given twice`);
    seen.add(name);
    weights[name as DecisionOutcome] = Number(weight);
  }
  if (DECISION_OUTCOMES.every((o) => weights[o] === 0)) throw new DecisionMixError('at least one outcome needs a weight above 0');
  return Object.freeze(weights);
}

export function formatDecisionMix(mix: DecisionMix): string {
  return DECISION_OUTCOMES.map((o) => `${o}:${mix[o]}`).join(',');
}

/** FNV-1a (32 bits): small, stable across processes and versions, good enough to spread UUIDs. */
export function stableBucket(key: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // A final avalanche so that ids differing only in their last characters still spread evenly.
  hash = (hash ^ (hash >>> 16)) >>> 0;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash = (hash ^ (hash >>> 13)) >>> 0;
  return hash % buckets;
}

/** The outcome of one dossier under a mix: its bucket falls into one outcome's share of the total weight. */
export function chooseOutcome(mix: DecisionMix, dossierId: string): DecisionOutcome {
  const total = DECISION_OUTCOMES.reduce((sum, o) => sum + mix[o], 0);
  let bucket = stableBucket(`${dossierId}:decision`, total);
  for (const outcome of DECISION_OUTCOMES) {
    if (bucket < mix[outcome]) return outcome;
    bucket -= mix[outcome];
  }
  /* istanbul ignore next: the buckets cover exactly the total */
  throw new Error('unreachable');
}

/** Whether an approval leaves fees for the applicant to pay on delivery (national status 6). */
export function owesFees(dossierId: string, feesOwedPercent: number): boolean {
  return stableBucket(`${dossierId}:fees`, 100) < feesOwedPercent;
}
