/** A dossier's chain head: its last timeline entry's sequence and hash (sequence 0: no entry yet). */
export interface ChainHead {
  readonly sequence: number;
  readonly hash: string;
}

/**
 * Values a tracking process derived from a dossier's timeline (the timeline itself, the counting fact),
 * each kept with the chain head it is current at, between consumer runs: a run that locked the same head
 * uses the value instead of reading it again. Entries are append-only and each one's hash covers the one
 * before, so a value current at the locked head is the stored one; any other head (another instance of
 * tracking appended since, or the run that remembered the value rolled back) misses. The oldest values
 * go first once their weights add up to more than `maxWeight`.
 */
export class HeldAtHead<T> {
  /** In the order last remembered: the first one is the oldest. */
  private readonly byDossier = new Map<string, { readonly head: ChainHead; readonly value: T; readonly weight: number }>();
  private weight = 0;

  constructor(
    private readonly maxWeight: number,
    private readonly weightOf: (value: T) => number = () => 1,
  ) {}

  /** The dossier's value when the held one is current at `head`, else undefined. */
  upTo(dossierId: string, head: ChainHead): T | undefined {
    const held = this.byDossier.get(dossierId);
    return held && held.head.sequence === head.sequence && held.head.hash === head.hash ? held.value : undefined;
  }

  remember(dossierId: string, head: ChainHead, value: T): void {
    this.forget(dossierId);
    const weight = this.weightOf(value);
    this.byDossier.set(dossierId, { head, value, weight });
    this.weight += weight;
    for (const [oldest] of this.byDossier) {
      if (this.weight <= this.maxWeight) break;
      this.forget(oldest);
    }
  }

  /** Before a rebuild in this process: what it rewrites is read again. */
  clear(): void {
    this.byDossier.clear();
    this.weight = 0;
  }

  /** How many dossiers' values are held. */
  get size(): number {
    return this.byDossier.size;
  }

  private forget(dossierId: string): void {
    const held = this.byDossier.get(dossierId);
    if (!held) return;
    this.byDossier.delete(dossierId);
    this.weight -= held.weight;
  }
}
