import { recordDispatch } from '../domain/dossier-progress.rules';
import type { ConsumerRun } from '@bcci/messaging';
import type { DossierProgressRecorder } from './dossier-progress.recorder';

/**
 * Forwarding's courier scanned the sealed item out of the postal point (rule: recordDispatch in
 * domain/dossier-progress.rules.ts). Applied in the consumer's transaction, next to its inbox row, under
 * the dossier's lock, with the rest of the run (DossierProgressRecorder): a withdrawal at the counter at
 * the same moment comes before it or sees it. A dossier this intake does not know changes nothing.
 */
export class RecordDispatchUseCase {
  constructor(private readonly recorder: DossierProgressRecorder) {}

  execute(run: ConsumerRun, dossierId: string, scannedAt: Date, traceparent?: string): void {
    this.recorder.record(run, dossierId, (dossier) => recordDispatch(dossier, { scannedAt }), traceparent);
  }
}
