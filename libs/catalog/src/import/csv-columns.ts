import type { EntityKind } from '../model/catalog-data';

/**
 * How a CSV column maps onto a record field. Flat lists are the norm for published lists, so nested
 * procedure data (competent agencies, checklist) uses a small documented syntax in one cell.
 */
export type ColumnType = 'string' | 'integer' | 'money' | 'date' | 'boolean' | 'service-forms' | 'components' | 'competent-agencies';

export interface ColumnSpec {
  readonly column: string;
  /** Field path in the record, e.g. `timeLimits.bcciDays`. */
  readonly field: string;
  readonly type: ColumnType;
  /** Whether the header must contain the column (a cell may still be empty where the field allows). */
  readonly required: boolean;
}

const col = (column: string, type: ColumnType = 'string', required = true, field = column): ColumnSpec => ({ column, field, type, required });
const period = [col('validFrom', 'date'), col('validTo', 'date', false)];

export const CSV_COLUMNS: { readonly [K in EntityKind]: readonly ColumnSpec[] } = {
  'administrative-units': [col('code'), col('level'), col('kind'), col('name'), col('parentCode', 'string', false), ...period],
  'postal-points': [col('postalCode'), col('name'), col('level'), col('administrativeUnitCode'), col('address', 'string', false), ...period],
  agencies: [
    col('id'),
    col('name'),
    col('level'),
    col('parentId', 'string', false),
    col('administrativeUnitCode', 'string', false),
    col('workingCalendarId'),
    col('successorId', 'string', false),
    col('demo', 'boolean', false),
    ...period,
  ],
  procedures: [
    col('code'),
    col('name'),
    col('sector'),
    ...period,
    col('competentAgencies', 'competent-agencies'),
    col('components', 'components'),
    col('bcciServiceForms', 'service-forms'),
    col('timeLimitInPersonDays', 'integer', true, 'timeLimits.inPersonDays'),
    col('timeLimitOnlineDays', 'integer', true, 'timeLimits.onlineDays'),
    col('timeLimitBcciDays', 'integer', true, 'timeLimits.bcciDays'),
    col('agencyFeeVnd', 'money', true, 'fees.agencyFeeVnd'),
    col('feeNote', 'string', false, 'fees.feeNote'),
    col('postageSendVnd', 'money', false, 'fees.postageSendVnd'),
    col('postageReturnVnd', 'money', false, 'fees.postageReturnVnd'),
  ],
  'postal-legs': [
    col('id'),
    col('scope'),
    col('destinationClass', 'string', false),
    col('maxWorkingDays', 'integer'),
    col('maxWorkingDaysWithAppointment', 'integer'),
    col('legalBasis'),
    ...period,
  ],
};
