import { randomUUID } from 'node:crypto';
import type { Actor } from '@bcci/auth';
import type { Catalog } from '@bcci/catalog';
import { buildEvent, EventType } from '@bcci/contracts';
import { ForbiddenError, InvalidInputError } from '@bcci/kernel';
import { outboxEntryOf, type OutboxWriter } from '@bcci/messaging';
import type { DataSource } from 'typeorm';
import type { DenominatorImport, DenominatorRow, ParsedImport } from '../domain/denominator-import';
import { DenominatorsRepository } from '../persistence/denominators.repository';

export type DenominatorSource = 'CSV_UPLOAD' | 'JSON_UPLOAD' | 'API';

export interface ImportResult {
  readonly importId: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly provinceCode: string | null;
  readonly rowCount: number;
  /** Earlier rows of the same period and agencies that this import replaced. */
  readonly replacedRows: number;
  readonly eventId: string;
}

/** Contract's StaffRef: the token subject, reduced to the allowed characters. */
function staffRef(actor: Actor): string {
  const cleaned = actor.subject.replace(/[^A-Za-z0-9_.:-]/g, '-').slice(0, 64);
  return /^[A-Za-z0-9]/.test(cleaned) ? cleaned : `u${cleaned}`.slice(0, 64);
}

/**
 * Stores an all-channel totals file and announces it (`denominator-totals-imported`), in one
 * transaction. A file with any bad row was refused before reaching here: nothing is written.
 */
export class ImportDenominatorsUseCase {
  private readonly repository = new DenominatorsRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly catalog: Catalog,
  ) {}

  async execute(actor: Actor, parsed: ParsedImport, source: DenominatorSource): Promise<ImportResult> {
    if (!parsed.ok) {
      throw new InvalidInputError({
        code: 'denominator-import.rejected',
        message: `${parsed.problems.length} problem(s) in the denominator file; nothing was imported`,
        messageVi: `Tệp số liệu có ${parsed.problems.length} lỗi, chưa nhập dòng nào: ${parsed.problems
          .slice(0, 5)
          .map((p) => (p.line ? `dòng ${p.line}: ` : p.row ? `dòng số liệu ${p.row}: ` : '') + p.messageVi)
          .join('; ')}`,
        details: parsed.problems,
      });
    }
    const value = this.withinScope(actor, parsed.value);
    const importId = randomUUID();
    const importedAt = new Date();
    const rows = value.rows.map((row) => ({ ...row, provinceCode: value.provinceCode ?? this.provinceOfAgency(row.agencyId, value.periodStart) }));
    const event = buildEvent({
      type: EventType.DenominatorTotalsImported,
      data: {
        importId,
        periodStart: value.periodStart,
        periodEnd: value.periodEnd,
        source,
        ...(value.provinceCode ? { provinceCode: value.provinceCode } : {}),
        rows: value.rows.map((row) => ({ ...row, ...(row.receivedByChannel ? { receivedByChannel: { ...row.receivedByChannel } } : {}) })) as [DenominatorRow, ...DenominatorRow[]],
        rowCount: value.rows.length,
        importedAt: importedAt.toISOString(),
        actor: { role: actor.role === 'agency' ? 'AGENCY_SYSTEM' : 'OPERATIONS', ref: staffRef(actor) },
      },
    });
    const replacedRows = await this.dataSource.transaction(async (manager) => {
      const replaced = await this.repository.replace(
        manager,
        { importId, periodStart: value.periodStart, periodEnd: value.periodEnd, provinceCode: value.provinceCode ?? null, source, importedAt, actorRef: staffRef(actor) },
        rows,
      );
      await this.outbox.append(manager, outboxEntryOf(event));
      return replaced;
    });
    return { importId, periodStart: value.periodStart, periodEnd: value.periodEnd, provinceCode: value.provinceCode ?? null, rowCount: rows.length, replacedRows, eventId: event.id };
  }

  /** Operations import for their province; an agency imports only its own rows. */
  private withinScope(actor: Actor, value: DenominatorImport): DenominatorImport {
    if (actor.role === 'agency') {
      const foreign = value.rows.filter((row) => row.agencyId !== actor.agencyId);
      if (foreign.length > 0)
        throw new ForbiddenError({
          code: 'denominator-import.foreign-agency',
          message: `rows of other agencies: ${[...new Set(foreign.map((r) => r.agencyId))].join(', ')}`,
          messageVi: 'Cơ quan chỉ được nhập số liệu của chính mình',
        });
      return value;
    }
    if (actor.provinceCode) {
      if (value.provinceCode && value.provinceCode !== actor.provinceCode)
        throw new ForbiddenError({ code: 'denominator-import.foreign-province', message: `province ${value.provinceCode} is outside your scope`, messageVi: 'Tỉnh ngoài phạm vi được giao' });
      return { ...value, provinceCode: actor.provinceCode };
    }
    return value;
  }

  private provinceOfAgency(agencyId: string, day: string): string {
    const agency = this.catalog.findAgency(agencyId, day);
    if (!agency?.administrativeUnitCode) return '';
    const unit = this.catalog.at(day).findAdministrativeUnit(agency.administrativeUnitCode);
    if (!unit) return '';
    return this.catalog.at(day).lineageOf(unit.code).find((u) => u.level === 'province')?.code ?? '';
  }
}
