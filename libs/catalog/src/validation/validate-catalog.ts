import type { AdministrativeLevel } from '../model/administrative-unit';
import { ENTITY_KINDS, ID_FIELD, type CatalogData, type EntityKind } from '../model/catalog-data';
import {
  formatPeriod,
  isCoveredBy,
  isInForce,
  nextDay,
  periodsOverlap,
  type EffectivePeriod,
} from '../model/effective-date';
import type { CatalogIssue } from './validation-issue';

export interface CatalogValidationOptions {
  /**
   * Kinds whose lists are known. References into a kind outside this set are not checked, which lets
   * the importer validate one province file while the others are not imported yet. Default: all.
   */
  readonly presentKinds?: ReadonlySet<EntityKind>;
}

type Versions<T> = Map<string, { record: T; index: number }[]>;

function versionsById<T extends EffectivePeriod>(records: readonly T[], idOf: (record: T) => string): Versions<T> {
  const map: Versions<T> = new Map();
  records.forEach((record, index) => {
    const list = map.get(idOf(record)) ?? [];
    list.push({ record, index });
    map.set(idOf(record), list);
  });
  return map;
}

const LEVEL_RANK: Record<AdministrativeLevel, number> = { province: 0, district: 1, commune: 2 };

/**
 * Rules that span records: versions of one id never overlap, and every reference (parent unit, unit of
 * a postal point, competent agency…) is in force on every day the referring version is. Returns every
 * issue found; an empty list means the catalog is consistent.
 */
export function validateCatalogData(data: CatalogData, options: CatalogValidationOptions = {}): CatalogIssue[] {
  const present = options.presentKinds ?? new Set(ENTITY_KINDS);
  const issues: CatalogIssue[] = [];
  const push = (kind: EntityKind, index: number | null, field: string | null, message: string) =>
    issues.push({ kind, index, field, message });

  for (const kind of ENTITY_KINDS) {
    const idField = ID_FIELD[kind];
    const records = data[kind] as unknown as readonly (EffectivePeriod & Record<string, unknown>)[];
    for (const [id, versions] of versionsById(records, (r) => String(r[idField]))) {
      for (let i = 1; i < versions.length; i++) {
        for (let j = 0; j < i; j++) {
          if (periodsOverlap(versions[i].record, versions[j].record)) {
            push(kind, versions[i].index, 'validFrom',
              `"${id}" có hai phiên bản chồng lấn hiệu lực: ${formatPeriod(versions[j].record)} (bản ghi #${versions[j].index + 1}) và ${formatPeriod(versions[i].record)}`);
          }
        }
      }
    }
  }

  const units = versionsById(data['administrative-units'], (u) => u.code);
  const agencies = versionsById(data.agencies, (a) => a.id);

  const checkUnitReference = (kind: EntityKind, index: number, field: string, code: string, period: EffectivePeriod) => {
    if (!present.has('administrative-units')) return undefined;
    const versions = units.get(code);
    if (!versions) {
      push(kind, index, field, `không có đơn vị hành chính mã "${code}"`);
      return undefined;
    }
    if (!isCoveredBy(period, versions.map((v) => v.record))) {
      push(kind, index, field, `đơn vị hành chính "${code}" không có hiệu lực suốt ${formatPeriod(period)} (hiệu lực: ${versions.map((v) => formatPeriod(v.record)).join('; ')})`);
      return undefined;
    }
    return versions.find((v) => isInForce(v.record, period.validFrom))?.record;
  };

  const checkAgencyReference = (kind: EntityKind, index: number, field: string, id: string, period: EffectivePeriod) => {
    if (!present.has('agencies')) return;
    const versions = agencies.get(id);
    if (!versions) push(kind, index, field, `không có cơ quan mã định danh "${id}"`);
    else if (!isCoveredBy(period, versions.map((v) => v.record))) {
      push(kind, index, field, `cơ quan "${id}" không có hiệu lực suốt ${formatPeriod(period)} (hiệu lực: ${versions.map((v) => formatPeriod(v.record)).join('; ')})`);
    }
  };

  data['administrative-units'].forEach((unit, index) => {
    if (unit.parentCode === null) return;
    const parent = checkUnitReference('administrative-units', index, 'parentCode', unit.parentCode, unit);
    if (parent && LEVEL_RANK[parent.level] >= LEVEL_RANK[unit.level]) {
      push('administrative-units', index, 'parentCode', `đơn vị cấp trên "${parent.code}" (${parent.level}) không ở cấp cao hơn ${unit.level}`);
    }
  });

  data['postal-points'].forEach((point, index) => {
    const unit = checkUnitReference('postal-points', index, 'administrativeUnitCode', point.administrativeUnitCode, point);
    if (unit && unit.level !== 'commune') {
      push('postal-points', index, 'administrativeUnitCode', `điểm phục vụ phải gắn với đơn vị cấp xã, "${unit.code}" là cấp ${unit.level}`);
    }
  });

  data.agencies.forEach((agency, index) => {
    if (agency.parentId !== null) checkAgencyReference('agencies', index, 'parentId', agency.parentId, agency);
    if (agency.administrativeUnitCode !== null) {
      checkUnitReference('agencies', index, 'administrativeUnitCode', agency.administrativeUnitCode, agency);
    }
    if (agency.successorId !== null && agency.validTo !== null) {
      const successorStart = nextDay(agency.validTo);
      const successor = agencies.get(agency.successorId)?.some((v) => isInForce(v.record, successorStart));
      if (!successor) push('agencies', index, 'successorId', `cơ quan kế thừa "${agency.successorId}" không có hiệu lực vào ngày ${successorStart}`);
    }
  });

  data.procedures.forEach((procedure, index) => {
    const periods = procedure.competentAgencies;
    periods.forEach((period, i) => {
      const field = `competentAgencies[${i}]`;
      const inside =
        period.validFrom >= procedure.validFrom &&
        (procedure.validTo === null || (period.validTo !== null && period.validTo <= procedure.validTo));
      if (!inside) push('procedures', index, field, `thời kỳ thẩm quyền ${formatPeriod(period)} nằm ngoài hiệu lực của thủ tục ${formatPeriod(procedure)}`);
      for (let j = 0; j < i; j++) {
        if (periodsOverlap(period, periods[j])) push('procedures', index, field, `thời kỳ thẩm quyền ${formatPeriod(period)} chồng lấn ${formatPeriod(periods[j])}: mỗi ngày chỉ một cơ quan có thẩm quyền`);
      }
      checkAgencyReference('procedures', index, `${field}.agencyId`, period.agencyId, period);
    });
    if (periods.length > 0 && !isCoveredBy(procedure, periods)) {
      push('procedures', index, 'competentAgencies', `có ngày trong hiệu lực ${formatPeriod(procedure)} mà thủ tục không có cơ quan có thẩm quyền`);
    }
  });

  const legKey = (leg: CatalogData['postal-legs'][number]) => `${leg.scope}/${leg.destinationClass ?? '-'}`;
  const legs = data['postal-legs'];
  legs.forEach((leg, index) => {
    for (let j = 0; j < index; j++) {
      if (legs[j].id !== leg.id && legKey(legs[j]) === legKey(leg) && periodsOverlap(legs[j], leg)) {
        push('postal-legs', index, 'scope', `chặng "${legKey(leg)}" đã được quy định bởi "${legs[j].id}" trong cùng thời kỳ`);
      }
    }
  });

  return issues;
}
