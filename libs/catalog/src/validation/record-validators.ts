import {
  ADMINISTRATIVE_CODE_LENGTH,
  ADMINISTRATIVE_UNIT_KINDS,
  type AdministrativeUnit,
  type AdministrativeUnitKind,
} from '../model/administrative-unit';
import { AGENCY_LEVELS, type Agency } from '../model/agency';
import type { EntityByKind, EntityKind } from '../model/catalog-data';
import { DESTINATION_CLASSES, POSTAL_LEG_SCOPES, type PostalLeg } from '../model/postal-leg';
import { POSTAL_POINT_LEVELS, type PostalPoint } from '../model/postal-point';
import {
  BCCI_SERVICE_FORMS,
  DOCUMENT_FORMS,
  type BcciServiceForm,
  type CompetentAgencyPeriod,
  type DocumentForm,
  type Procedure,
  type ProcedureComponent,
} from '../model/procedure';
import { FieldReader, show } from './field-reader';
import { isAgencyId, isPostalCode, isProcedureCode, isStatisticalCode } from './local-validators';
import type { RecordIssue } from './validation-issue';

export type RecordResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: RecordIssue[] };

const agencyIdCheck = (value: string) =>
  isAgencyId(value) ? null : `mã định danh cơ quan phải gồm tối đa 35 ký tự [0-9A-Z.] (QĐ 20/2020); nhận được "${value}"`;
const postalCodeCheck = (value: string) =>
  isPostalCode(value) ? null : `mã bưu chính phải gồm đúng 5 chữ số (TT 07/2017); nhận được "${value}"`;
const communeCodeCheck = (value: string) =>
  isStatisticalCode(value, 5) ? null : `mã đơn vị hành chính cấp xã phải gồm 5 chữ số; nhận được "${value}"`;
const unitCodeCheck = (value: string) =>
  /^\d{2}$|^\d{3}$|^\d{5}$/.test(value) ? null : `mã đơn vị hành chính phải gồm 2, 3 hoặc 5 chữ số; nhận được "${value}"`;

function finish<T>(reader: FieldReader, value: T): RecordResult<T> {
  reader.rejectUnknownFields();
  return reader.issues.length === 0 ? { ok: true, value } : { ok: false, issues: reader.issues };
}

export function validateAdministrativeUnit(raw: unknown): RecordResult<AdministrativeUnit> {
  const r = new FieldReader(raw);
  const kind = r.oneOf('kind', Object.keys(ADMINISTRATIVE_UNIT_KINDS) as AdministrativeUnitKind[]);
  const level = r.oneOf('level', ['province', 'district', 'commune'] as const);
  const expectedLevel = ADMINISTRATIVE_UNIT_KINDS[kind];
  if (!r.issues.length && expectedLevel !== level) r.report('kind', `loại "${kind}" thuộc cấp ${expectedLevel}, không phải ${level}`);
  const length = ADMINISTRATIVE_CODE_LENGTH[level];
  const code = r.string('code', (v) =>
    isStatisticalCode(v, length) ? null : `mã cấp ${level} phải gồm đúng ${length} chữ số; nhận được "${v}"`,
  );
  const name = r.string('name');
  const parentCode = r.optionalString('parentCode', unitCodeCheck);
  if (level === 'province' && parentCode !== null) r.report('parentCode', 'đơn vị cấp tỉnh không có đơn vị cấp trên');
  if (level !== 'province' && parentCode === null) r.report('parentCode', `đơn vị cấp ${level} phải có đơn vị cấp trên`);
  const period = r.period();
  return finish(r, { code, level, kind, name, parentCode, ...period });
}

export function validatePostalPoint(raw: unknown): RecordResult<PostalPoint> {
  const r = new FieldReader(raw);
  const postalCode = r.string('postalCode', postalCodeCheck);
  const name = r.string('name');
  const level = r.oneOf('level', POSTAL_POINT_LEVELS);
  const administrativeUnitCode = r.string('administrativeUnitCode', communeCodeCheck);
  const address = r.optionalString('address');
  const period = r.period();
  return finish(r, { postalCode, name, level, administrativeUnitCode, address, ...period });
}

export function validateAgency(raw: unknown): RecordResult<Agency> {
  const r = new FieldReader(raw);
  const id = r.string('id', agencyIdCheck);
  const name = r.string('name');
  const level = r.oneOf('level', AGENCY_LEVELS);
  const parentId = r.optionalString('parentId', agencyIdCheck);
  const administrativeUnitCode = r.optionalString('administrativeUnitCode', unitCodeCheck);
  const workingCalendarId = r.string('workingCalendarId');
  const successorId = r.optionalString('successorId', agencyIdCheck);
  const demo = r.boolean('demo', false);
  const period = r.period();
  if (parentId !== null && parentId === id) r.report('parentId', 'cơ quan không thể là cấp trên của chính nó');
  if (successorId !== null && successorId === id) r.report('successorId', 'cơ quan không thể kế thừa chính nó');
  if (successorId !== null && period.validTo === null) r.report('successorId', 'chỉ cơ quan đã hết hiệu lực (có validTo) mới có cơ quan kế thừa');
  return finish(r, { id, name, level, parentId, administrativeUnitCode, workingCalendarId, successorId, demo, ...period });
}

function readComponent(raw: unknown, prefix: string): { reader: FieldReader; value: ProcedureComponent } {
  const r = new FieldReader(raw, prefix);
  const name = r.string('name');
  const required = r.boolean('required');
  const acceptsRaw = r.array('accepts');
  const accepts: DocumentForm[] = [];
  for (const form of acceptsRaw) {
    if (!(DOCUMENT_FORMS as readonly unknown[]).includes(form)) r.report('accepts', `hình thức giấy tờ phải là "original" hoặc "copy"; nhận được ${show(form)}`);
    else if (!accepts.includes(form as DocumentForm)) accepts.push(form as DocumentForm);
  }
  if (Array.isArray(r.raw('accepts')) && acceptsRaw.length === 0) r.report('accepts', 'phải chấp nhận ít nhất bản chính hoặc bản sao');
  const count = r.integer('count', 1, 100);
  return { reader: r, value: { name, required, accepts, count } };
}

function readCompetentAgency(raw: unknown, prefix: string): { reader: FieldReader; value: CompetentAgencyPeriod } {
  const r = new FieldReader(raw, prefix);
  const agencyId = r.string('agencyId', agencyIdCheck);
  const period = r.period();
  return { reader: r, value: { agencyId, ...period } };
}

export function validateProcedure(raw: unknown): RecordResult<Procedure> {
  const r = new FieldReader(raw);
  const code = r.string('code', (v) =>
    isProcedureCode(v) ? null : `mã thủ tục phải có dạng 1.010902 hoặc 1.010902.<mã cơ quan>; nhận được "${v}"`,
  );
  const name = r.string('name');
  const sector = r.string('sector');
  const period = r.period();

  const competentAgencies = r.array('competentAgencies').map((item, i) => {
    const { reader, value } = readCompetentAgency(item, `competentAgencies[${i}].`);
    r.absorb(reader);
    return value;
  });
  if (Array.isArray(r.raw('competentAgencies')) && competentAgencies.length === 0) {
    r.report('competentAgencies', 'phải có ít nhất một cơ quan có thẩm quyền');
  }
  const components = r.array('components').map((item, i) => {
    const { reader, value } = readComponent(item, `components[${i}].`);
    r.absorb(reader);
    return value;
  });
  if (Array.isArray(r.raw('components')) && components.length === 0) r.report('components', 'phải có ít nhất một thành phần hồ sơ');

  const bcciServiceForms: BcciServiceForm[] = [];
  for (const form of r.array('bcciServiceForms')) {
    if (!(BCCI_SERVICE_FORMS as readonly unknown[]).includes(form)) r.report('bcciServiceForms', `hình thức BCCI phải là 1, 2 hoặc 3 (QĐ 45/2016 Đ5); nhận được ${show(form)}`);
    else if (bcciServiceForms.includes(form as BcciServiceForm)) r.report('bcciServiceForms', `hình thức ${show(form)} bị lặp`);
    else bcciServiceForms.push(form as BcciServiceForm);
  }
  bcciServiceForms.sort();

  const limits = r.nested('timeLimits');
  const timeLimits = {
    inPersonDays: limits.optionalInteger('inPersonDays', 0, 365),
    onlineDays: limits.optionalInteger('onlineDays', 0, 365),
    bcciDays: limits.optionalInteger('bcciDays', 0, 365),
  };
  r.absorb(limits);
  if (bcciServiceForms.length > 0 && timeLimits.bcciDays === null && limits.isObject) {
    r.report('timeLimits.bcciDays', 'thủ tục nhận qua BCCI phải có thời hạn giải quyết cho kênh bưu chính');
  }

  const fees = r.nested('fees');
  const feeValues = {
    agencyFeeVnd: fees.integer('agencyFeeVnd', 0),
    feeNote: fees.optionalString('feeNote'),
    postageSendVnd: fees.optionalInteger('postageSendVnd', 0),
    postageReturnVnd: fees.optionalInteger('postageReturnVnd', 0),
  };
  r.absorb(fees);

  return finish(r, { code, name, sector, ...period, competentAgencies, components, bcciServiceForms, timeLimits, fees: feeValues });
}

export function validatePostalLeg(raw: unknown): RecordResult<PostalLeg> {
  const r = new FieldReader(raw);
  const id = r.string('id', (v) => (/^[a-z0-9][a-z0-9-]*$/.test(v) ? null : `mã chặng phải gồm chữ thường, số và gạch ngang; nhận được "${v}"`));
  const scope = r.oneOf('scope', POSTAL_LEG_SCOPES);
  const destinationClass = r.optionalOneOf('destinationClass', DESTINATION_CLASSES);
  if (scope === 'between-provinces' && destinationClass === null) r.report('destinationClass', 'chặng liên tỉnh phải ghi loại nơi nhận (special-or-class-1-city hoặc other)');
  if (scope !== 'between-provinces' && destinationClass !== null) r.report('destinationClass', 'chỉ chặng liên tỉnh mới phân loại nơi nhận');
  const maxWorkingDays = r.integer('maxWorkingDays', 0, 30);
  const maxWorkingDaysWithAppointment = r.integer('maxWorkingDaysWithAppointment', 0, 60);
  if (maxWorkingDaysWithAppointment < maxWorkingDays) r.report('maxWorkingDaysWithAppointment', 'không thể ngắn hơn thời gian toàn trình thông thường');
  const legalBasis = r.string('legalBasis');
  const period = r.period();
  return finish(r, { id, scope, destinationClass, maxWorkingDays, maxWorkingDaysWithAppointment, legalBasis, ...period });
}

export const RECORD_VALIDATORS: { readonly [K in EntityKind]: (raw: unknown) => RecordResult<EntityByKind[K]> } = {
  'administrative-units': validateAdministrativeUnit,
  'postal-points': validatePostalPoint,
  agencies: validateAgency,
  procedures: validateProcedure,
  'postal-legs': validatePostalLeg,
};
