import type { BcciEvent, EventType } from '@bcci/contracts';
import { recordHandoverRecord } from '../domain/agency-dossier.rules';
import type { DeadlinePolicyResolver } from './deadline-policy.resolver';
import type { ConsumerRun } from '@bcci/messaging';
import type { DossierProjection } from './dossier-projection';

/** Forwarding's handover record signed by both sides: the legal filing time, the agency clock's start. */
export class RecordHandoverRecordSignedUseCase {
  constructor(
    private readonly projection: DossierProjection,
    private readonly policies: DeadlinePolicyResolver,
  ) {}

  execute(run: ConsumerRun, event: BcciEvent<typeof EventType.HandoverRecordSigned>, traceparent?: string): void {
    this.projection.apply(run, event.data.dossierId, { eventId: event.id, correlationId: event.correlationid, traceparent }, (state) => {
      const known = { ...state, agencyId: state.agencyId ?? event.data.agencyId };
      // Without the procedure (registration not seen yet) the clock starts when the agency signs.
      const policy = known.procedureCode ? this.policies.policyFor(known, new Date(event.data.signedAt)) : undefined;
      return recordHandoverRecord(known, event.data, policy);
    });
  }
}
