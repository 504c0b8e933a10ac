import type { Catalog } from '@bcci/catalog';
import { NonRetriableError, type OutboxWriter } from '@bcci/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { returnItemId } from '../domain/return-item-id.rule';
import { returnLegDeadline, ReturnLegUnplaceableError } from '../domain/return-leg-deadline.rule';
import { returnsByPost } from '../domain/return-status';
import { nextReturnItemSerial } from '../persistence/postal-item-serials.repository';
import { ReturnOrmEntity } from '../persistence/return.orm-entity';
import { returnsOutboxEntry, type Causation } from './returns-events';

export interface OpenLegDeps {
  readonly catalog: Catalog;
  readonly outbox: OutboxWriter;
}

/**
 * Once both the registration and the agency's outcome are known, either the dossier does not return
 * by post (form 1, or the agency hands the result over itself) or the return leg opens: a new S10 item
 * id from the delivering postal point's sequence and J + n from the agency to that point.
 * Runs in the inbox transaction of whichever upstream event came second.
 */
export async function settleReturn(manager: EntityManager, ret: ReturnOrmEntity, deps: OpenLegDeps, causation: Causation, now: Date): Promise<void> {
  const registered = ret.serviceForm !== null;
  const outcomeKnown = ret.resultId !== null;
  if (ret.status === 'NOT_BY_POST' || !registered || !outcomeKnown) {
    await manager.save(ReturnOrmEntity, { ...ret, updatedAt: now });
    return;
  }
  if (!returnsByPost(ret.serviceForm!) || !ret.destinationPostalCode || !ret.deliveryMode || !ret.recipientRef) {
    await manager.save(ReturnOrmEntity, { ...ret, status: 'NOT_BY_POST', updatedAt: now });
    return;
  }

  let deadline;
  try {
    deadline = returnLegDeadline(deps.catalog, { agencyId: ret.agencyId!, destinationPostalCode: ret.destinationPostalCode, issuedAt: ret.issuedAt! });
  } catch (error) {
    // Retrying cannot teach the catalog an agency or a postal point: dead letters, for a person.
    if (error instanceof ReturnLegUnplaceableError) throw new NonRetriableError(`dossier ${ret.dossierId}: ${error.message}`);
    throw error;
  }
  const serial = await nextReturnItemSerial(manager, ret.destinationPostalCode);
  const opened: ReturnOrmEntity = {
    ...ret,
    status: 'OPEN',
    legId: randomUUID(),
    s10ItemId: returnItemId(serial.serviceIndicator, serial.serial),
    legClass: deadline.legClass,
    startDay: deadline.startDay,
    workingDays: deadline.workingDays,
    dueDate: deadline.dueDate,
    openedAt: now,
    updatedAt: now,
  };
  await manager.save(ReturnOrmEntity, opened);
  await deps.outbox.append(
    manager,
    returnsOutboxEntry(
      'bcci.returns.return-leg-opened.v1',
      {
        dossierId: opened.dossierId,
        legId: opened.legId!,
        resultId: opened.resultId!,
        returnedItem: opened.returnedItem!,
        s10ItemId: opened.s10ItemId!,
        agencyId: opened.agencyId!,
        deliveryMode: opened.deliveryMode!,
        destinationPostalCode: opened.destinationPostalCode!,
        recipientRef: opened.recipientRef!,
        deadline: { legClass: deadline.legClass, startDay: deadline.startDay, workingDays: deadline.workingDays, dueDate: deadline.dueDate },
        feesToCollect: opened.feesOwed ?? 0,
        documentsToTakeBack: opened.documentsToTakeBack.reduce((sum, doc) => sum + doc.count, 0),
        ...(opened.documentsToTakeBack.length > 0 ? { takeBackDocuments: opened.documentsToTakeBack } : {}),
        openedAt: now.toISOString(),
      },
      causation,
      now,
    ),
  );
}
