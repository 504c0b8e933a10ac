import { readInOneSnapshot } from '@bcci/persistence';
import type { DataSource } from 'typeorm';
import { verifyChain, type ChainBreak, type ChainCheck } from '../domain/hash-chain';
import { FIRST_DOSSIER_ID, TimelineRepository, toChainedEntry } from '../persistence/timeline.repository';

export interface ChainVerificationProgress {
  readonly dossiers: number;
  readonly total: number;
  readonly entries: number;
  readonly broken: number;
}

export interface ChainVerificationReport {
  readonly dossiers: number;
  readonly entries: number;
  /** The first broken entry of each dossier whose chain does not verify. */
  readonly broken: ChainBreak[];
}

/** Re-hashes dossiers' chains from the stored entries and compares them with the stored links and heads. */
export class VerifyTimelineChains {
  private readonly timeline = new TimelineRepository();

  constructor(private readonly dataSource: DataSource) {}

  async verifyDossier(dossierId: string): Promise<ChainCheck> {
    // The entries and the head of one moment: read apart (two connections at once) on a live system, an
    // event recorded in between moved the head past the entries read, and an intact chain was reported
    // broken.
    const { entries, head } = await readInOneSnapshot(this.dataSource, async (manager) => ({
      entries: await this.timeline.entriesOf(manager, dossierId),
      head: await this.timeline.headOf(manager, dossierId),
    }));
    return verifyChain(dossierId, entries.map(toChainedEntry), head ?? { sequence: 0, hash: '' });
  }

  async verifyAll(onProgress?: (progress: ChainVerificationProgress) => void, pageSize = 500): Promise<ChainVerificationReport> {
    const manager = this.dataSource.manager;
    const total = await this.timeline.countDossiers(manager);
    const broken: ChainBreak[] = [];
    let dossiers = 0;
    let entries = 0;
    let after = FIRST_DOSSIER_ID;
    for (;;) {
      const ids = await this.timeline.dossierIdsAfter(manager, after, pageSize);
      if (ids.length === 0) break;
      for (const dossierId of ids) {
        const check = await this.verifyDossier(dossierId);
        dossiers++;
        entries += check.entries;
        if (!check.ok) broken.push(check.firstBreak);
      }
      after = ids[ids.length - 1];
      onProgress?.({ dossiers, total, entries, broken: broken.length });
    }
    return { dossiers, entries, broken };
  }
}
