import type { Procedure } from '@bcci/catalog';
import type { E2eStack } from './e2e-stack';
import { call, expectCall, vietnamTimestamp, type JsonBody } from './journey-http';
import { pollUntil } from './journey-poll';
import { systemClock } from '@bcci/kernel';
import { samplePdf } from '@bcci/service-kit/testing';

/**
 * The steps of a dossier's journey as the people and systems at each stage take them, over each
 * service's public HTTP API (requests as the services' OpenAPI and integration tests describe them).
 */

export type ServiceForm = 1 | 2 | 3;

export interface RegisteredDossier {
  id: string;
  serviceForm: ServiceForm;
  procedureCode: string;
  /** The agency competent today for the procedure (the catalog's answer, for the test's own count). */
  agencyId: string;
  postalItemId: string | null;
  provisionalDossierId: string;
  /** Originals + copies handed in: what both sides count at the handover. */
  documentsCounted: number;
  /** The intake day J intake gave it (a Saturday's dossier belongs to Monday): the day it counts on. */
  intakeDay: string;
  intakePostalCode: string;
}

export interface RegistrationOptions {
  form: ServiceForm;
  procedureCode: string;
  /** Varies the applicant: each dossier a different citizen. */
  n: number;
  deliveryMode?: 'HOME' | 'COUNTER';
  clerkToken?: string;
}

/** A procedure of the catalog in force today, by code. */
export function procedureOf(stack: E2eStack, code: string): Procedure {
  const procedure = stack.stack.catalog.at(systemClock.now()).bcciProcedures().find((p) => p.code === code);
  if (!procedure) throw new Error(`the catalog offers no BCCI procedure ${code} today`);
  return procedure;
}

export function competentAgencyOf(stack: E2eStack, procedureCode: string): string {
  const agency = stack.stack.catalog.at(systemClock.now()).findCompetentAgency(procedureCode);
  if (!agency) throw new Error(`no agency competent today for ${procedureCode}`);
  return agency.id;
}

function yymmdd(at = systemClock.now()): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(2, 10).replace(/-/g, '');
}

/** The registration body a clerk sends for service form 1, 2 or 3 of a procedure. */
export function registrationBody(stack: E2eStack, options: RegistrationOptions): Record<string, unknown> {
  const procedure = procedureOf(stack, options.procedureCode);
  const serial = String(options.n % 1_000_000).padStart(6, '0');
  const applicant = {
    fullName: 'Trần Văn Bình',
    // 015 = born in Yên Bái, 0 = male born in the 1900s, 88 = 1988 (TT 07/2016 Đ7).
    identityDocument: { kind: 'cccd', number: `015088${serial}` },
    phone: `098${String(options.n % 10_000_000).padStart(7, '0')}`,
    address: 'Thôn 3, xã Văn Phú, tỉnh Lào Cai',
  };
  const returns = options.form !== 1;
  const sends = options.form !== 2;
  return {
    serviceForm: options.form,
    procedureCode: procedure.code,
    applicant,
    ...(returns ? { returnDestination: { deliveryMode: options.deliveryMode ?? 'HOME' } } : {}),
    ...(sends
      ? {
          components: procedure.components.flatMap((component, index) => (component.required ? [{ code: `TP${index + 1}`, kind: component.accepts[0], count: component.count }] : [])),
          sealNumber: `NP-${serial}`,
        }
      : { dossierCode: `${competentAgencyOf(stack, procedure.code)}-${yymmdd()}-${String(options.n % 10_000).padStart(4, '0')}` }),
    fees: {
      agencyFee: { amount: sends ? procedure.fees.agencyFeeVnd : 0, ...(sends && procedure.fees.agencyFeeVnd > 0 ? { paymentMethod: 'cash' } : {}) },
      postage: {
        ...(sends ? { forwardLeg: procedure.fees.postageSendVnd ?? 0 } : {}),
        ...(returns ? { returnLeg: procedure.fees.postageReturnVnd ?? 0 } : {}),
        paymentMethod: 'cash',
      },
    },
  };
}

/** The clerk registers the dossier at the counter of postal point 33100 (intake). */
export async function registerDossier(stack: E2eStack, options: RegistrationOptions): Promise<RegisteredDossier> {
  const body = registrationBody(stack, options);
  const created = await expectCall(201, stack, 'intake', 'POST', '/dossiers', { token: options.clerkToken ?? stack.tokens.clerk, body, headers: { 'idempotency-key': `e2e-${options.procedureCode}-${options.n}-${Date.now()}` } });
  const components = (body.components as Array<{ count: number }> | undefined) ?? [];
  return {
    id: created.id,
    serviceForm: options.form,
    procedureCode: options.procedureCode,
    agencyId: competentAgencyOf(stack, options.procedureCode),
    postalItemId: created.postalItemId ?? null,
    provisionalDossierId: created.provisionalDossierId,
    documentsCounted: components.reduce((sum, c) => sum + c.count, 0),
    intakeDay: created.intakeDay,
    intakePostalCode: created.postalCode,
  };
}

/** The sending slip as printed (PDF). */
export async function sendingSlip(stack: E2eStack, dossierId: string): Promise<Buffer> {
  const response = await fetch(`${stack.urls.intake}/dossiers/${dossierId}/sending-slip`, { headers: { authorization: `Bearer ${stack.tokens.clerk}` } });
  if (response.status !== 200) throw new Error(`sending slip of ${dossierId}: ${response.status} ${await response.text()}`);
  return Buffer.from(await response.arrayBuffer());
}


/** The operator scans every required component, certifies the copies that need it and completes. */
export async function digitize(stack: E2eStack, dossierId: string, options: { knownToDigitization?: boolean } = {}): Promise<void> {
  const token = stack.tokens['digitization-operator'];
  const read = async () => {
    const answer = await call(stack, 'digitization', 'GET', `/dossiers/${dossierId}/digitization`, { token });
    return answer.status === 200 ? answer.body : undefined;
  };
  // The caller may know that digitization has the dossier already (the benchmark waits for its consumer
  // group on Kafka): then one read, which must find it.
  const status = options.knownToDigitization
    ? ((await read()) ?? failWith(`digitization does not know dossier ${dossierId}, though its consumer handled the registration`))
    : await pollUntil(`digitization to know dossier ${dossierId}`, read);
  for (const component of status.components as Array<{ componentCode: string; required: boolean; certificationRequired: boolean }>) {
    if (!component.required) continue;
    const form = new FormData();
    form.append('file', new Blob([samplePdf(`${dossierId} ${component.componentCode}`)], { type: 'application/pdf' }), `${component.componentCode}.pdf`);
    await expectCall([200, 201], stack, 'digitization', 'POST', `/dossiers/${dossierId}/components/${component.componentCode}/scans`, { token, body: form });
    if (component.certificationRequired) {
      await expectCall(201, stack, 'digitization', 'POST', `/dossiers/${dossierId}/components/${component.componentCode}/certification`, {
        token,
        body: { certification: 'COPY_MATCHES_PAPER', note: 'Đã đối chiếu với bản giấy.' },
      });
    }
  }
  const done = await expectCall(200, stack, 'digitization', 'POST', `/dossiers/${dossierId}/digitization/complete`, { token });
  if (done.status !== 'DIGITIZED') throw new Error(`digitization of ${dossierId} did not complete: ${JSON.stringify(done)}`);
}

/** Forwarding's leg of the dossier, once the registration reached it. */
export async function legOf(stack: E2eStack, dossierId: string): Promise<{ agencyId: string; status: string; destinationPostalCode?: string } & Record<string, JsonBody>> {
  return pollUntil(`forwarding to open the leg of ${dossierId}`, async () => {
    const answer = await call(stack, 'forwarding', 'GET', `/dossiers/${dossierId}/leg`, { token: stack.tokens.courier });
    return answer.status === 200 ? answer.body : undefined;
  });
}

/** The courier scans the sealed dossier out of 33100, into the agency's town and over the agency's desk. */
export async function carryToAgency(stack: E2eStack, dossierId: string): Promise<void> {
  const leg = await legOf(stack, dossierId);
  const destination = leg.destinationPostalCode ?? '33000';
  for (const [kind, postalCode] of [
    ['DISPATCHED', '33100'],
    ['ARRIVED', destination],
    ['HANDED_OVER', destination],
  ] as const) {
    await expectCall([200, 201], stack, 'forwarding', 'POST', `/dossiers/${dossierId}/scans`, { token: stack.tokens.courier, body: { kind, postalCode, at: vietnamTimestamp() } });
  }
}

/**
 * The courier signs the handover record at the agency's desk (Biên bản giao nhận). With `agencySignerName`
 * the agency signed the paper record too; without, the agency signs through its gateway.
 */
export async function signHandoverRecord(stack: E2eStack, dossiers: RegisteredDossier[], options: { agencySignerName?: string } = {}): Promise<{ handoverRecordId: string; status: string }> {
  return expectCall(201, stack, 'forwarding', 'POST', '/handover-records', {
    token: stack.tokens.courier,
    headers: { 'idempotency-key': `e2e-handover-${dossiers.map((d) => d.id).join('-')}` },
    body: {
      items: dossiers.map((d) => ({ dossierId: d.id, documentsCounted: d.documentsCounted })),
      signedAt: vietnamTimestamp(),
      ...(options.agencySignerName ? { agencySignerName: options.agencySignerName } : {}),
    },
  });
}

/** The gateway's view of the dossier for its agency, once published (or in `status`, when given). */
export async function agencyView(stack: E2eStack, dossierId: string, agencyToken: string, status?: string): Promise<Record<string, JsonBody>> {
  return pollUntil(`the gateway to show ${dossierId} to its agency${status ? ` in status ${status}` : ''}`, async () => {
    const answer = await call(stack, 'agency-gateway', 'GET', `/agency/dossiers/${dossierId}`, { token: agencyToken });
    if (answer.status !== 200) return undefined;
    return status === undefined || answer.body.status === status ? answer.body : undefined;
  });
}

/** The agency's HTTP decisions (role agency, scoped to its own dossiers). */
export function agencyDecision(stack: E2eStack, dossierId: string, agencyToken: string, decision: 'handover-signature' | 'supplement-requests' | 'rejection' | 'result' | 'reschedule', body: unknown = {}) {
  return expectCall(200, stack, 'agency-gateway', 'POST', `/agency/dossiers/${dossierId}/${decision}`, { token: agencyToken, body });
}

export const PAPER_RESULT = { resultKind: 'DOCUMENT', medium: 'PAPER', resultReference: '15/QD-E2E', feesOwed: 0 } as const;

/** Returns' record of the dossier, once its return leg is open (or in `status`, when given). */
export async function returnOf(stack: E2eStack, dossierId: string, token: string, status?: string): Promise<Record<string, JsonBody>> {
  return pollUntil(`returns to open the return leg of ${dossierId}${status ? ` (status ${status})` : ''}`, async () => {
    const answer = await call(stack, 'returns', 'GET', `/returns/${dossierId}`, { token });
    if (answer.status !== 200) return undefined;
    // A return waiting for the registration or the agency's outcome has no leg yet.
    if (status === undefined) return answer.body.s10ItemId ? answer.body : undefined;
    return answer.body.status === status ? answer.body : undefined;
  });
}

/** The courier takes the result at the agency. */
export function pickUpResult(stack: E2eStack, dossierId: string, courierToken: string, at = vietnamTimestamp()) {
  return expectCall(200, stack, 'returns', 'POST', `/returns/${dossierId}/pickup`, { token: courierToken, body: { pickedUpAt: at } });
}

/** The result handed over with the recipient's CCCD checked (never its number). */
export function deliverResult(stack: E2eStack, dossierId: string, token: string, options: { at?: string; feesCollected?: number } = {}) {
  return expectCall(200, stack, 'returns', 'POST', `/returns/${dossierId}/delivery`, {
    token,
    body: { deliveredAt: options.at ?? vietnamTimestamp(), recipientKind: 'APPLICANT', identityDocumentType: 'CCCD', identityMatches: true, feesCollected: options.feesCollected ?? 0 },
  });
}

function failWith(message: string): never {
  throw new Error(message);
}
