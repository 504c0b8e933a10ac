import { randomBytes } from 'node:crypto';
import { Module, type Type } from '@nestjs/common';
import { startTestService, type TestService } from '@bcci/service-kit/testing';
import { IntakeModule } from '../src/app.module';

/** An intake app for one test file, with its own consumer group so files never steal each other's events. */
export async function startIntake(label: string): Promise<TestService> {
  const group = `bcci.intake.test-${label}-${randomBytes(4).toString('hex')}`;
  @Module({ imports: [IntakeModule.forRoot({ consumerGroup: group })] })
  class IntakeTestModule {}
  return startTestService(IntakeTestModule as Type<unknown>, {
    serviceName: `intake_${label}`,
    extraEnv: {
      PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PII_INDEX_KEY: randomBytes(32).toString('base64'),
      PUBLIC_LOOKUP_BASE_URL: 'https://tracuu.bcci.example.vn/ho-so',
    },
  });
}

export const APPLICANT = {
  fullName: 'Nguyễn Văn Đức',
  identityDocument: { kind: 'cccd', number: '015090001234' },
  phone: '0912 345 678',
  address: 'Số 5, tổ 3, phường Yên Bái, tỉnh Lào Cai',
};

/** Form 3 for the criminal-record certificate (2.000488) at 33100, as the sample catalog prices it. */
export function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    serviceForm: 3,
    procedureCode: '2.000488',
    applicant: APPLICANT,
    components: [
      { code: 'TP1', kind: 'original', count: 1 },
      { code: 'TP2', kind: 'copy', count: 1 },
    ],
    fees: { agencyFee: { amount: 200000, paymentMethod: 'cash' }, postage: { forwardLeg: 25000, returnLeg: 25000, paymentMethod: 'cash' } },
    sealNumber: 'NP-2026-000123',
    ...overrides,
  };
}

export async function countRows(service: TestService): Promise<{ dossiers: number; outbox: number; tokens: number; keys: number }> {
  const [row] = await service.dataSource.query(
    `SELECT (SELECT count(*) FROM dossiers)::int AS dossiers, (SELECT count(*) FROM outbox)::int AS outbox,
            (SELECT count(*) FROM dossier_search_tokens)::int AS tokens, (SELECT count(*) FROM idempotency_keys)::int AS keys`,
  );
  return row;
}
