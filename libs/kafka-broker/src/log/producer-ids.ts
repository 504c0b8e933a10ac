import * as path from 'node:path';
import { readJsonFile, writeFileAtomically } from './atomic-file';

const BLOCK = 1000;

/**
 * Hands out producer ids that never repeat across restarts: ids are reserved on disk a block at a time,
 * so a crash skips the rest of a block instead of reissuing an id that an old producer may still hold.
 */
export class ProducerIdAllocator {
  private next = 0;
  private reservedUpTo = 0;
  private readonly statePath: string;

  constructor(dataDir: string) {
    this.statePath = path.join(dataDir, 'producer-ids.json');
  }

  open(): void {
    const state = readJsonFile<{ reservedUpTo: number }>(this.statePath, { reservedUpTo: 0 });
    this.next = state.reservedUpTo;
    this.reservedUpTo = state.reservedUpTo;
  }

  allocate(): number {
    if (this.next >= this.reservedUpTo) {
      this.reservedUpTo = this.next + BLOCK;
      writeFileAtomically(this.statePath, JSON.stringify({ reservedUpTo: this.reservedUpTo }));
    }
    return this.next++;
  }
}
