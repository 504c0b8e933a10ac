import type { Catalog } from '@bcci/catalog';
import type { BcciEvent } from '@bcci/contracts';
import { parseLocalDate } from '@bcci/kernel';
import { NonRetriableError, outboxEntryFor, OutboxWriter } from '@bcci/messaging';
import { EntityTable } from '@bcci/persistence';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { documentsOnSlip } from '../domain/sending-slip-count.rule';
import { planPostalLeg } from '../domain/postal-leg-plan';
import { PostalLegOrmEntity } from '../persistence/postal-leg.orm-entity';
import type { Clock } from './clock';

type DossierRegistered = BcciEvent<'bcci.intake.dossier-registered.v1'>;

export type OpenLegOutcome = 'opened' | 'not-forwarded' | 'already-open';

/**
 * A registration for service forms 1 and 3 (the dossier travels by post) opens the leg to the agency
 * competent on the day of intake, with its J + n deadline, in the transaction of the inbox record.
 * Form 2 (result only) has no forward leg. The dossier's unique leg makes a second registration
 * event for the same dossier (a replay under a new id) harmless too.
 */
export class OpenPostalLegUseCase {
  constructor(
    private readonly catalog: Catalog,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager, event: DossierRegistered, traceparent?: string): Promise<OpenLegOutcome> {
    const data = event.data;
    if (data.serviceForm === 'RECEIVE_RESULT') return 'not-forwarded';
    if (!data.s10ItemId || !data.components) {
      throw new NonRetriableError(`registration ${event.id} of a forwarded dossier lacks its S10 item id or components`);
    }
    const legs = EntityTable.of(manager, PostalLegOrmEntity);
    const existing = await legs.findOne(manager, { dossierId: data.dossierId });
    if (existing) return 'already-open';

    const registeredAt = new Date(data.registeredAt);
    const result = planPostalLeg(this.catalog, {
      procedureCode: data.procedureCode,
      originPostalCode: data.intakeSite.postalCode,
      intakeDay: parseLocalDate(data.intakeDay),
      registeredAt,
    });
    // Retrying cannot teach the catalog a procedure: the registration goes to the dead letters for a person.
    if (!result.ok) throw new NonRetriableError(`cannot open the postal leg of dossier ${data.dossierId}: ${result.reason}`);
    const plan = result.plan;
    const now = this.clock.now();

    const leg: PostalLegOrmEntity = {
      id: randomUUID(),
      dossierId: data.dossierId,
      s10ItemId: data.s10ItemId,
      provisionalDossierId: data.provisionalDossierId,
      procedureCode: data.procedureCode,
      agencyId: plan.agencyId,
      competenceDate: plan.competenceDate,
      originPostalCode: data.intakeSite.postalCode,
      originProvinceCode: plan.originProvinceCode ?? data.intakeSite.provinceCode ?? null,
      legClass: plan.deadline.legClass,
      startDay: plan.deadline.startDay,
      workingDays: plan.deadline.workingDays,
      dueDate: plan.deadline.dueDate,
      status: 'OPEN',
      documentsOnSlip: documentsOnSlip(data.components),
      agencyFeesTotal: data.agencyFees.total,
      agencyFeeLines: data.agencyFees.lines.map((line) => ({ feeCode: line.feeCode, amount: line.amount, ...(line.label ? { label: line.label } : {}) })),
      handoverRecordId: null,
      postalSignedAt: null,
      filedAt: null,
      withdrawnAt: null,
      registeredAt,
      openedAt: now,
      catalogVersion: plan.catalogVersion,
      correlationId: event.correlationid,
    };
    await legs.insert(manager, [leg]);

    await this.outbox.append(
      manager,
      outboxEntryFor(
        'bcci.forwarding.postal-leg-opened.v1',
        {
          dossierId: leg.dossierId,
          legId: leg.id,
          s10ItemId: leg.s10ItemId,
          procedureCode: leg.procedureCode,
          agencyId: leg.agencyId,
          competenceDate: leg.competenceDate,
          originPostalCode: leg.originPostalCode,
          deadline: { legClass: leg.legClass, startDay: leg.startDay, workingDays: leg.workingDays, dueDate: leg.dueDate },
          openedAt: now.toISOString(),
          catalogVersion: leg.catalogVersion,
        },
        { correlationId: event.correlationid, causationId: event.id, traceparent },
        now,
      ),
    );
    return 'opened';
  }
}
