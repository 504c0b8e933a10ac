import { loadSampleCatalog } from '@bcci/catalog';
import { DomainError, RuleViolationError } from '@bcci/kernel';
import { requireEligibleProcedure } from './eligibility';
import { checkRegistration, type RegistrationInput } from './registration';

const catalog = loadSampleCatalog();
const procedure = catalog.getProcedure('2.000488', '2026-01-15');
const context = { postalCode: '33100', asOfYear: 2026 };

const applicant = {
  fullName: 'Nguyễn Văn Đức',
  identityDocument: { kind: 'cccd' as const, number: '015090001234' },
  phone: '0912 345 678',
  address: 'Số 5, tổ 3, phường Yên Bái, tỉnh Lào Cai',
};

const form1: RegistrationInput = {
  serviceForm: 1,
  procedureCode: '2.000488',
  applicant,
  components: [
    { code: 'TP1', kind: 'original', count: 1 },
    { code: 'TP2', kind: 'copy', count: 1 },
  ],
  fees: { agencyFee: { amount: 200_000, paymentMethod: 'cash' }, postage: { forwardLeg: 25_000, paymentMethod: 'cash' } },
  sealNumber: 'np-2026-000123',
};

function fail(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('service form rules', () => {
  it('form 1: checklist, seal, fees; no recipient, channel 3', () => {
    const checked = checkRegistration(form1, procedure, context);
    expect(checked).toMatchObject({ serviceForm: 1, recipient: null, returnDestination: null, sealNumber: 'NP-2026-000123', dossierCode: null, receivingChannel: 3 });
    expect(checked.applicant.phone).toBe('0912345678');
    expect(checked.components).toHaveLength(2);
  });

  it('form 3: the recipient and return address default to the applicant and this postal point', () => {
    const checked = checkRegistration(
      { ...form1, serviceForm: 3, fees: { ...form1.fees, postage: { forwardLeg: 25_000, returnLeg: 25_000, paymentMethod: 'cash' } } },
      procedure,
      context,
    );
    expect(checked.recipient).toEqual({ fullName: 'Nguyễn Văn Đức', phone: '0912345678', address: applicant.address });
    expect(checked.returnDestination).toEqual({ deliveryMode: 'HOME', postalCode: '33100' });
  });

  it('form 2: needs the agency dossier code, takes no components, seal or agency fee', () => {
    const input: RegistrationInput = {
      serviceForm: 2,
      procedureCode: '2.000488',
      applicant,
      recipient: { fullName: 'Trần Thị Mai', phone: '0987654321', address: 'Thôn 2, xã Tuy Lộc, tỉnh Lào Cai' },
      returnDestination: { deliveryMode: 'COUNTER', postalCode: '33150' },
      dossierCode: '000.00.13.H39-260110-0042',
      fees: { agencyFee: { amount: 0 }, postage: { returnLeg: 25_000, paymentMethod: 'cash' } },
    };
    const checked = checkRegistration(input, procedure, context);
    expect(checked).toMatchObject({ serviceForm: 2, components: [], sealNumber: null, dossierCode: '000.00.13.H39-260110-0042', receivingChannel: 2 });
    expect(checked.returnDestination).toEqual({ deliveryMode: 'COUNTER', postalCode: '33150' });
    expect(fail(() => checkRegistration({ ...input, dossierCode: undefined }, procedure, context)).code).toBe('dossier-code.format');
    expect(fail(() => checkRegistration({ ...input, sealNumber: 'NP1' }, procedure, context)).code).toBe('service-form.field-not-allowed');
  });

  it('refuses an unknown service form, a missing seal and a recipient on form 1', () => {
    expect(fail(() => checkRegistration({ ...form1, serviceForm: 4 }, procedure, context)).code).toBe('service-form.unknown');
    expect(fail(() => checkRegistration({ ...form1, sealNumber: undefined }, procedure, context)).code).toBe('seal-number.format');
    expect(fail(() => checkRegistration({ ...form1, recipient: { fullName: 'A B', phone: '0912345678', address: 'Thôn 1, xã A' } }, procedure, context)).code).toBe(
      'service-form.field-not-allowed',
    );
  });

  it('refuses an invalid CCCD and phone together, without echoing them', () => {
    const error = fail(() =>
      checkRegistration({ ...form1, applicant: { ...applicant, identityDocument: { kind: 'cccd', number: '999090001234' }, phone: '12345' } }, procedure, context),
    );
    expect(error.code).toBe('dossier.invalid-fields');
    expect((error.details as { field: string }[]).map((d) => d.field)).toEqual(['applicant.phone', 'applicant.identityDocument.number']);
    expect(error.message).not.toContain('999090001234');
    expect(error.messageVi).not.toContain('12345');
  });

  it('accepts a passport instead of a CCCD', () => {
    const checked = checkRegistration({ ...form1, applicant: { ...applicant, identityDocument: { kind: 'passport', number: 'c1234567' } } }, procedure, context);
    expect(checked.applicant.identityDocument).toEqual({ kind: 'passport', number: 'C1234567' });
  });
});

describe('procedure eligibility', () => {
  const snapshot = catalog.at('2026-01-15');

  it('unknown code → invalid input; a form the catalog does not offer → rule violation', () => {
    expect(fail(() => requireEligibleProcedure(snapshot, '9.999999', 1)).kind).toBe('invalid');
    const error = fail(() => requireEligibleProcedure(snapshot, '1.001765', 1));
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error.code).toBe('procedure.service-form-not-offered');
  });

  it('routes driving licences to the police after 01/03/2025', () => {
    expect(requireEligibleProcedure(catalog.at('2025-02-10'), '1.002804', 1).agency.id).toBe('000.00.16.H65');
    expect(requireEligibleProcedure(snapshot, '1.002804', 1).agency.id).toBe('000.05.39.G01');
  });
});
