import { NotFoundError } from '@bcci/kernel';
import type { DataSource } from 'typeorm';
import { DossierSummaryRepository } from '../../dossiers/persistence/dossier-summary.repository';
import type { ReferenceData } from '../../reference-data/reference-data';
import { dataString } from '../../timeline/domain/timeline-event';
import { TimelineRepository } from '../../timeline/persistence/timeline.repository';
import { hashLookupPin, lookupPinMatches } from '../domain/lookup-pin';
import { failureKeys, LOOKUP_FAILURE_LIMIT, lookupReferenceKind, normalizeLookupReference } from '../domain/lookup-reference';
import { buildPublicLookupView, type PublicLookupView } from '../domain/public-lookup-view';
import { LookupFailureRepository } from '../persistence/lookup-failure.repository';

/** Too many failed attempts on one reference (the controller answers 429). */
export class LookupRateLimitedError extends Error {
  readonly messageVi = 'Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.';
  constructor() {
    super(`Too many failed lookups for this reference; try again in ${LOOKUP_FAILURE_LIMIT.windowMinutes} minutes`);
  }
}

/** One answer for an unknown reference and a wrong PIN alike: the lookup must not reveal which it was. */
export function lookupNotFound(): NotFoundError {
  return new NotFoundError({
    code: 'lookup.not-found',
    message: 'No dossier matches this reference and lookup PIN',
    messageVi: 'Không tìm thấy hồ sơ với mã tra cứu và mã PIN đã nhập. Vui lòng kiểm tra lại phiếu gửi hồ sơ.',
  });
}

// Salt for the decoy hash computed when no dossier matches, so that both failures take the same time.
const DECOY_DOSSIER_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The citizen's free lookup (TT 17/2017 Đ12): reference (provisional id, dossier code or S10 item id)
 * plus the PIN printed on the sending slip. Failed attempts are counted per dossier, whichever of its
 * references was typed, and refused once over the limit, even with the right PIN, so the PIN cannot be
 * walked (a dossier's provisional id and its S10 id once gave ten guesses instead of five).
 */
export class PublicLookup {
  private readonly summaries = new DossierSummaryRepository();
  private readonly timeline = new TimelineRepository();
  private readonly failures = new LookupFailureRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly referenceData: ReferenceData,
  ) {}

  async execute(rawReference: string, pin: string): Promise<PublicLookupView> {
    const reference = normalizeLookupReference(rawReference);
    const manager = this.dataSource.manager;
    const candidates = lookupReferenceKind(reference) ? await this.summaries.pinHashesByReference(manager, reference) : [];
    const keys = failureKeys(reference, candidates.map((candidate) => candidate.dossierId));
    if ((await this.failures.countRecent(manager, keys, LOOKUP_FAILURE_LIMIT.windowMinutes)) >= LOOKUP_FAILURE_LIMIT.attempts) {
      throw new LookupRateLimitedError();
    }
    let dossierId: string | undefined;
    for (const candidate of candidates) {
      if (candidate.lookupPinHash && lookupPinMatches(pin, candidate.dossierId, candidate.lookupPinHash)) dossierId = candidate.dossierId;
    }
    if (candidates.length === 0) hashLookupPin(pin, DECOY_DOSSIER_ID);
    if (!dossierId) {
      await this.failures.record(manager, keys);
      throw lookupNotFound();
    }
    const [summary, entries] = await Promise.all([this.summaries.find(manager, dossierId), this.timeline.entriesOf(manager, dossierId)]);
    return buildPublicLookupView(
      reference,
      summary?.procedureCode ?? undefined,
      entries.map((entry) => ({
        sequence: entry.sequence,
        eventType: entry.eventType,
        eventTime: entry.eventTime,
        stage: entry.stage,
        postalCode: entry.postalCode,
        agencyId: dataString(entry.event, 'agencyId') ?? null,
        nationalStatus: entry.nationalStatus,
      })),
      this.referenceData,
    );
  }
}
