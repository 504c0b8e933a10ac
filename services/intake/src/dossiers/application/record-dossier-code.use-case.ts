import { recordDossierCode } from '../domain/dossier-progress.rules';
import type { ConsumerRun } from '@bcci/messaging';
import type { DossierProgressRecorder } from './dossier-progress.recorder';

/**
 * The agency's one-stop system issued the dossier code (rule: recordDossierCode in
 * domain/dossier-progress.rules.ts). Applied in the consumer's transaction, under the dossier's lock,
 * with the rest of the run (DossierProgressRecorder). The first code received is kept.
 */
export class RecordDossierCodeUseCase {
  constructor(private readonly recorder: DossierProgressRecorder) {}

  execute(run: ConsumerRun, dossierId: string, dossierCode: string, traceparent?: string): void {
    this.recorder.record(run, dossierId, (dossier) => recordDossierCode(dossier, { dossierCode }), traceparent);
  }
}
