/** The stages the demo counts, in journey order (the summary prints them in this order). */
export const DEMO_STAGES = [
  ['registered', 'registered at a postal point (intake)'],
  ['digitized', 'digitized, certified, complete (digitization)'],
  ['dispatched', 'courier scan: dispatched'],
  ['arrived', 'courier scan: arrived'],
  ['handedOver', 'courier scan: handed over to the agency'],
  ['handoverRecord', 'handover record signed by the post (forwarding)'],
  ['acknowledged', 'handover signed by the agency (simulator → gateway)'],
  ['supplementRequested', 'supplement requested by the agency'],
  ['supplementCompleted', 'supplement completed at the counter'],
  ['rejected', 'rejected by the agency'],
  ['resultIssued', 'result issued by the agency'],
  ['pickedUp', 'result picked up at the agency (returns)'],
  ['deliveryAttempted', 'delivery attempt failed, invitation left'],
  ['delivered', 'result delivered to the citizen'],
] as const;

export type DemoStage = (typeof DEMO_STAGES)[number][0];

export class StageCounters {
  private readonly counts = new Map<DemoStage, number>();
  readonly failures: string[] = [];
  readonly skipped = new Set<string>();

  reached(stage: DemoStage): void {
    this.counts.set(stage, (this.counts.get(stage) ?? 0) + 1);
  }

  count(stage: DemoStage): number {
    return this.counts.get(stage) ?? 0;
  }

  summary(total: number, elapsedSeconds: number): string {
    const width = Math.max(...DEMO_STAGES.map(([, label]) => label.length));
    const lines = DEMO_STAGES.map(([stage, label]) => `  ${label.padEnd(width)}  ${String(this.count(stage)).padStart(5)} / ${total}`);
    return [
      `Summary after ${elapsedSeconds.toFixed(1)} s (${total} dossiers):`,
      ...lines,
      ...[...this.skipped].map((s) => `  skipped: ${s}`),
      ...(this.failures.length ? [`  ${this.failures.length} dossier(s) stopped early:`, ...this.failures.slice(0, 20).map((f) => `    - ${f}`)] : []),
    ].join('\n');
  }
}
