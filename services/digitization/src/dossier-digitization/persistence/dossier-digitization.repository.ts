import { changedColumns, EntityTable, entitiesFromJson, lockWithNextStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { ContentHash } from '../../documents/domain/content-hash';
import { StoredDocumentOrmEntity } from '../../documents/persistence/stored-document.orm-entity';
import { documentDescriptorOf } from '../../documents/persistence/stored-document.repository';
import type {
  CertificationKind,
  DigitizationStatus,
  DocumentDescriptor,
  ReuseSourceKind,
  SiteKind,
  StaffActor,
} from '../domain/digitization.types';
import type { ComponentDigitization, DossierDigitizationState } from '../domain/dossier-digitization';
import { DigitizationComponentOrmEntity } from './digitization-component.orm-entity';
import { DossierDigitizationOrmEntity } from './dossier-digitization.orm-entity';

function actorOf(role: string | null, ref: string | null): StaffActor | undefined {
  return role && ref ? { role: role as StaffActor['role'], ref } : undefined;
}

function toComponent(row: DigitizationComponentOrmEntity, documents: Map<string, DocumentDescriptor>): ComponentDigitization {
  const document = row.contentHash ? documents.get(row.contentHash) : undefined;
  const digitizedBy = actorOf(row.digitizedByRole, row.digitizedByRef);
  const certifiedBy = actorOf(row.certifiedByRole, row.certifiedByRef);
  return {
    componentId: row.componentId,
    componentCode: row.componentCode,
    title: row.title,
    position: row.position,
    originals: row.originals,
    copies: row.copies,
    required: row.required,
    certificationRequired: row.certificationRequired,
    ...(document ? { document } : {}),
    ...(row.digitizedAt ? { digitizedAt: row.digitizedAt } : {}),
    ...(digitizedBy ? { digitizedBy } : {}),
    ...(row.reuseSourceKind && row.reuseSourceRef
      ? {
          reusedFrom: {
            sourceKind: row.reuseSourceKind as ReuseSourceKind,
            sourceRef: row.reuseSourceRef,
            ...(row.reuseSourceComponentCode ? { sourceComponentCode: row.reuseSourceComponentCode } : {}),
          },
        }
      : {}),
    sourceCertified: row.sourceCertified,
    ...(row.certificationKind && row.certifiedAt && certifiedBy
      ? {
          certification: {
            kind: row.certificationKind as CertificationKind,
            certifiedAt: row.certifiedAt,
            certifiedBy,
            ...(row.certificationNote ? { note: row.certificationNote } : {}),
          },
        }
      : {}),
  };
}

function componentRow(dossierId: string, c: ComponentDigitization): DigitizationComponentOrmEntity {
  return Object.assign(new DigitizationComponentOrmEntity(), {
    componentId: c.componentId,
    dossierId,
    componentCode: c.componentCode,
    title: c.title,
    position: c.position,
    originals: c.originals,
    copies: c.copies,
    required: c.required,
    certificationRequired: c.certificationRequired,
    contentHash: c.document?.contentHash ?? null,
    digitizedAt: c.digitizedAt ?? null,
    digitizedByRole: c.digitizedBy?.role ?? null,
    digitizedByRef: c.digitizedBy?.ref ?? null,
    reuseSourceKind: c.reusedFrom?.sourceKind ?? null,
    reuseSourceRef: c.reusedFrom?.sourceRef ?? null,
    reuseSourceComponentCode: c.reusedFrom?.sourceComponentCode ?? null,
    sourceCertified: c.sourceCertified,
    certificationKind: c.certification?.kind ?? null,
    certifiedAt: c.certification?.certifiedAt ?? null,
    certifiedByRole: c.certification?.certifiedBy.role ?? null,
    certifiedByRef: c.certification?.certifiedBy.ref ?? null,
    certificationNote: c.certification?.note ?? null,
  });
}

function dossierRow(s: DossierDigitizationState): DossierDigitizationOrmEntity {
  return Object.assign(new DossierDigitizationOrmEntity(), {
    dossierId: s.dossierId,
    provisionalDossierId: s.provisionalDossierId,
    procedureCode: s.procedureCode,
    intakeDay: s.intakeDay,
    catalogVersion: s.catalogVersion,
    siteKind: s.site.kind,
    postalCode: s.site.postalCode,
    provinceCode: s.provinceCode ?? null,
    returnPostalCode: s.returnPostalCode ?? null,
    registeredAt: s.registeredAt,
    correlationId: s.correlationId ?? null,
    status: s.status,
    completedAt: s.completedAt ?? null,
    closedAt: s.closedAt ?? null,
    closedReason: s.closedReason ?? null,
  });
}

/**
 * Loads and stores a dossier's digitization (dossier row + component rows), the aggregate the rules of
 * domain/dossier-digitization.rules.ts decide on.
 */
export class DossierDigitizationRepository {
  /** Inserts a newly registered dossier; false when it is already known (nothing written). */
  async insertIfAbsent(manager: EntityManager, dossier: DossierDigitizationState): Promise<boolean> {
    const { text, values } = EntityTable.of(manager, DossierDigitizationOrmEntity).insertStatement([dossierRow(dossier)], { ignoreConflicts: true });
    const inserted = (await manager.query(`${text} RETURNING dossier_id`, [...values])) as unknown[];
    if (inserted.length === 0) return false;
    const rows = dossier.components.map((c) => componentRow(dossier.dossierId, c));
    if (rows.length > 0) await EntityTable.of(manager, DigitizationComponentOrmEntity).insert(manager, rows);
    return true;
  }

  /**
   * Loads the aggregate with its row locked until the transaction ends, so two operators working on the
   * same dossier at once are serialised (no lost certification, no double completion).
   */
  async findForUpdate(manager: EntityManager, dossierId: string): Promise<DossierDigitizationState | undefined> {
    return (await this.load(manager, dossierId, true)).dossier;
  }

  /**
   * findForUpdate, reading in the same statement the document row of `contentHash` (the bytes of a scan
   * being attached, if they were stored before): one round trip for both.
   */
  async findForUpdateWithDocument(manager: EntityManager, dossierId: string, contentHash: ContentHash): Promise<{ dossier?: DossierDigitizationState; document?: DocumentDescriptor }> {
    return this.load(manager, dossierId, true, contentHash);
  }

  async find(manager: EntityManager, dossierId: string): Promise<DossierDigitizationState | undefined> {
    return (await this.load(manager, dossierId, false)).dossier;
  }

  /**
   * Saves a decided state; call with the dossier's row locked (findForUpdate). Given the state it was
   * decided from, writes only what the decision changed: one UPDATE per changed row with the changed
   * columns (a scan or a certification touches one component), instead of a read of every row and an
   * update of each, which cost a scan upload more statements than the rest of its transaction.
   */
  async save(manager: EntityManager, dossier: DossierDigitizationState, before?: DossierDigitizationState): Promise<void> {
    if (!before) {
      await manager.save(DossierDigitizationOrmEntity, dossierRow(dossier));
      await manager.save(
        DigitizationComponentOrmEntity,
        dossier.components.map((c) => componentRow(dossier.dossierId, c)),
      );
      return;
    }
    const components = EntityTable.of(manager, DigitizationComponentOrmEntity);
    const dossierChanges = changedColumns(dossierRow(before), dossierRow(dossier));
    if (dossierChanges) await EntityTable.of(manager, DossierDigitizationOrmEntity).update(manager, { dossierId: dossier.dossierId }, dossierChanges);
    for (const component of dossier.components) {
      const earlier = before.components.find((c) => c.componentId === component.componentId);
      // The rules replace a component they change and keep the others as they were.
      if (earlier === component) continue;
      if (!earlier) {
        await components.insert(manager, [componentRow(dossier.dossierId, component)]);
        continue;
      }
      const componentChanges = changedColumns(componentRow(dossier.dossierId, earlier), componentRow(dossier.dossierId, component));
      if (componentChanges) await components.update(manager, { componentId: component.componentId }, componentChanges);
    }
  }

  /**
   * The dossier row (locked when asked), its components and their documents in one round trip: the
   * lock, then one statement whose children arrive as JSON aggregates. Every step of an operator loads
   * the aggregate, some twice.
   */
  private async load(manager: EntityManager, dossierId: string, lock: boolean, documentHash?: ContentHash): Promise<{ dossier?: DossierDigitizationState; document?: DocumentDescriptor }> {
    // The lock, then the read, in one round trip. Not one statement (SELECT … FOR UPDATE OF d): its
    // snapshot predates the wait for the lock, so the components and documents it aggregates would be
    // those from before the lock holder's commit (a completion granted the row after a re-scan announced
    // the old scan). The read runs once the lock is granted, with a snapshot taken then.
    if (lock) await lockDossierWithNextRead(manager, dossierId);
    const [found]: Array<AggregateRow & { document?: unknown }> = await manager.query(
      `SELECT ${AGGREGATE_COLUMNS}${documentHash === undefined ? '' : ', (SELECT row_to_json(doc) FROM documents doc WHERE doc.content_hash = $2) AS document'}
         FROM dossier_digitizations d
        WHERE d.dossier_id = $1`,
      documentHash === undefined ? [dossierId] : [dossierId, documentHash],
    );
    const [document] = found?.document ? entitiesFromJson(manager, StoredDocumentOrmEntity, [found.document]) : [];
    return { dossier: found ? stateOf(manager, found) : undefined, document: document ? documentDescriptorOf(document) : undefined };
  }
}

/**
 * Locks the dossier's row with the transaction's next statement (a read whose snapshot is taken once the
 * lock is granted). Every change to a dossier's digitization, its results' included, is made under it.
 */
export function lockDossierWithNextRead(manager: EntityManager, dossierId: string): Promise<void> {
  return lockWithNextStatement(manager, { text: `SELECT 1 FROM dossier_digitizations WHERE dossier_id = $1 FOR UPDATE`, values: [dossierId] });
}

/** One dossier with its children as JSON aggregates (see AGGREGATE_COLUMNS). */
export interface AggregateRow {
  dossier: unknown;
  components: unknown;
  documents: unknown;
}

/** The select list that reads a dossier row `d` with its components (in checklist order) and their documents. */
export const AGGREGATE_COLUMNS = `row_to_json(d) AS dossier,
              (SELECT json_agg(c ORDER BY c.position) FROM digitization_components c WHERE c.dossier_id = d.dossier_id) AS components,
              (SELECT json_agg(doc) FROM documents doc
                WHERE doc.content_hash IN (SELECT c.content_hash FROM digitization_components c WHERE c.dossier_id = d.dossier_id)) AS documents`;

/** The aggregate as the rules see it, from a row selected with AGGREGATE_COLUMNS. */
export function stateOf(manager: EntityManager, found: AggregateRow): DossierDigitizationState | undefined {
  const [row] = entitiesFromJson(manager, DossierDigitizationOrmEntity, [found.dossier]);
  if (!row) return undefined;
  const componentRows = entitiesFromJson(manager, DigitizationComponentOrmEntity, found.components);
  const documentRows = entitiesFromJson(manager, StoredDocumentOrmEntity, found.documents);
  const documents = new Map(documentRows.map((d) => [d.contentHash, documentDescriptorOf(d)]));
  return {
    dossierId: row.dossierId,
    provisionalDossierId: row.provisionalDossierId,
    procedureCode: row.procedureCode,
    intakeDay: row.intakeDay,
    catalogVersion: row.catalogVersion,
    site: { kind: row.siteKind as SiteKind, postalCode: row.postalCode },
    ...(row.provinceCode ? { provinceCode: row.provinceCode } : {}),
    ...(row.returnPostalCode ? { returnPostalCode: row.returnPostalCode } : {}),
    registeredAt: row.registeredAt,
    ...(row.correlationId ? { correlationId: row.correlationId } : {}),
    status: row.status as DigitizationStatus,
    ...(row.completedAt ? { completedAt: row.completedAt } : {}),
    ...(row.closedAt ? { closedAt: row.closedAt } : {}),
    ...(row.closedReason ? { closedReason: row.closedReason } : {}),
    components: componentRows.map((c) => toComponent(c, documents)),
  };
}
