import type { DataSource, EntityManager } from 'typeorm';
import type { EventDataMap, EventTypeName } from '@bcci/contracts';
import { ConflictError } from '@bcci/kernel';
import type { AgencyDossierState } from '../../dossiers/domain/agency-dossier';
import { dossierNotFound } from '../../dossiers/domain/agency-dossier.errors';
import type { Decision } from '../../dossiers/domain/agency-dossier.rules';
import type { AgencyDossierRepository } from '../../dossiers/persistence/agency-dossier.repository';
import type { DossierEventWriter } from '../../dossiers/application/dossier-event.writer';
import type { GatewayClock } from '../../shared/gateway-clock';
import { inTransaction } from '../../shared/transaction';
import type { AgencyCommandRepository, DecisionOutcome } from '../persistence/agency-command.repository';

export type DecisionKind = 'sign-handover' | 'request-supplement' | 'complete-supplement' | 'reject-dossier' | 'reschedule-processing' | 'issue-result';

export interface DecisionContext {
  commandId: string;
  dossierId: string;
  kind: DecisionKind;
  /** Whose command it is: the agency's id, or the clerk's subject for a supplement completion. */
  issuer: string;
  channel: 'HTTP' | 'KAFKA';
  /** Refuses (403) when the caller may not act on this dossier. */
  authorize: (state: AgencyDossierState) => void;
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
}

export interface DecisionStep<T extends EventTypeName> {
  type: T;
  decide: (state: AgencyDossierState, now: Date) => Decision<EventDataMap[T]>;
}

export interface DecisionResult extends DecisionOutcome {
  /** True when the command had been applied before: nothing was done this time. */
  replayed: boolean;
}

/**
 * The one path of every decision, whether it came over HTTP or Kafka: under the dossier's row lock,
 * answer a known command id with its first outcome, else check scope, apply the rule, save the state,
 * write the event(s) to the outbox and remember the command, all in one transaction.
 */
export class AgencyDecisionRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: AgencyDossierRepository,
    private readonly commands: AgencyCommandRepository,
    private readonly writer: DossierEventWriter,
    private readonly clock: GatewayClock,
  ) {}

  run<T extends EventTypeName>(context: DecisionContext, step: DecisionStep<T>, manager?: EntityManager): Promise<DecisionResult> {
    return inTransaction(this.dataSource, manager, (m) => this.runIn(m, context, step));
  }

  private async runIn<T extends EventTypeName>(manager: EntityManager, context: DecisionContext, step: DecisionStep<T>): Promise<DecisionResult> {
    const { state, previous } = await this.commands.lockDossierAndFind(manager, context.dossierId, context.commandId);
    if (!state) throw dossierNotFound(context.dossierId);
    context.authorize(state);
    if (previous) {
      if (previous.dossierId !== context.dossierId || previous.kind !== context.kind || previous.agencyId !== context.issuer) {
        throw new ConflictError({
          code: 'command.id-reused',
          message: `Command id ${context.commandId} was already used for another command`,
          messageVi: 'Mã lệnh (Idempotency-Key) đã được dùng cho một lệnh khác.',
        });
      }
      return { ...previous.result, replayed: true };
    }
    const now = this.clock.now();
    const decision = step.decide(state, now);
    await this.dossiers.save(manager, decision.state);
    const { event } = await this.writer.write(manager, {
      type: step.type,
      data: decision.data,
      agencyId: decision.state.agencyId!,
      correlationId: context.correlationId,
      causationId: context.causationId,
      traceparent: context.traceparent,
      time: now,
    });
    const result: DecisionOutcome = {
      commandId: context.commandId,
      dossierId: context.dossierId,
      kind: context.kind,
      eventId: event.id,
      eventType: event.type,
      status: decision.state.status,
      nationalStatus: decision.state.nationalStatus,
      dueDate: decision.state.clock?.dueDate ?? null,
    };
    await this.commands.insert(manager, { commandId: context.commandId, agencyId: context.issuer, dossierId: context.dossierId, kind: context.kind, result }, context.channel);
    return { ...result, replayed: false };
  }
}
