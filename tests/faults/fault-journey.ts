import type { E2eStack } from '../support/e2e-stack';
import { call, tokenFor, vietnamTimestamp, type JsonBody } from '../support/journey-http';
import { pollUntil } from '../support/journey-poll';
import { competentAgencyOf, registrationBody } from '../support/journey-steps';
import { samplePdf } from '@bcci/service-kit/testing';
import { sendStep, type Resilience } from './resilient-call';

/** What the driver itself knows of a dossier it sent, for the count it compares with tracking's. */
export interface DrivenDossier {
  seq: number;
  procedureCode: string;
  agencyId: string;
  /** Set once intake accepted the registration (201, or its replay). */
  dossierId?: string;
  intakeDay?: string;
  supplementRequested: boolean;
  delivered: boolean;
  /** Components the operator scanned, and of those the ones certified: each is one event in the timeline. */
  componentsScanned: number;
  componentsCertified: number;
  /** An agency fee taken at the counter is remitted with the handover record: one fees-remitted. */
  agencyFeeCollected: boolean;
  /** The applicant's phone number, unique in the run: intake's search by it finds this dossier alone. */
  applicantPhone?: string;
  /** Steps whose first answer was lost with a crash and whose retry found them done (409). */
  doneBeforeTheCrash: string[];
  /** Why the driver could not take the journey to its end (the dossier then counts as lost). */
  stoppedBecause?: string;
}

export interface JourneyDriver {
  stack: E2eStack;
  resilience: Resilience;
  /** How long a wait for the next stage may take (across outages and restarts). */
  stageTimeoutMs: number;
}

const HUB = '33000';

/** A number from the run's seed (the part of runId before the dash) and the dossier's place in the run. */
function applicantNumber(runId: string, seq: number): number {
  const seed = Number(runId.split('-')[0]);
  return ((seed % 100) * 10_000 + seq) % 1_000_000;
}

/**
 * One form-3 dossier's whole journey, as the clerk, the operator, the courier and the citizen's postman
 * take it, over the public APIs, riding out outages: registration, digitization, the forward leg, the
 * handover record, the agency simulator's decision (a supplement completed at the counter when asked),
 * pick-up, one failed attempt and the delivery.
 */
export async function driveJourney(driver: JourneyDriver, seq: number, procedureCode: string, runId: string): Promise<DrivenDossier> {
  const { stack } = driver;
  const dossier: DrivenDossier = { seq, procedureCode, agencyId: competentAgencyOf(stack, procedureCode), supplementRequested: false, delivered: false, componentsScanned: 0, componentsCertified: 0, agencyFeeCollected: false, doneBeforeTheCrash: [] };
  const key = (step: string) => `fault-${runId}-${seq}-${step}`;
  const send = async (service: string, path: string, token: string, body: unknown, expected: number[], step: string): Promise<JsonBody> => {
    const answer = await sendStep(stack, service, 'POST', path, { token, body, idempotencyKey: key(step) }, expected, driver.resilience);
    if (answer.doneBeforeTheCrash) dossier.doneBeforeTheCrash.push(step);
    return answer.body;
  };
  const waitFor = (what: string, probe: () => Promise<JsonBody | undefined>) => pollUntil(`${what} (dossier #${seq} ${dossier.dossierId ?? ''})`, probe, { timeoutMs: driver.stageTimeoutMs, intervalMs: 300 });
  const read = async (service: string, path: string, token: string) => {
    const answer = await call(stack, service, 'GET', path, { token });
    return answer.status === 200 ? answer.body : undefined;
  };
  try {
    // Distinct applicants per run (its seed) and per dossier: the citizen id and phone number carry n.
    const body = registrationBody(stack, { form: 3, procedureCode, n: applicantNumber(runId, seq) });
    dossier.applicantPhone = (body.applicant as { phone: string }).phone;
    dossier.agencyFeeCollected = ((body.fees as { agencyFee: { amount: number } }).agencyFee.amount ?? 0) > 0;
    const registered = await send('intake', '/dossiers', stack.tokens.clerk, body, [200, 201], 'register');
    dossier.dossierId = registered.id as string;
    dossier.intakeDay = registered.intakeDay as string;
    const id = dossier.dossierId;
    const documentsCounted = ((body.components as Array<{ count: number }>) ?? []).reduce((sum, c) => sum + c.count, 0);

    const operator = stack.tokens['digitization-operator'];
    const view = await waitFor('digitization to know the dossier', () => read('digitization', `/dossiers/${id}/digitization`, operator));
    for (const component of view.components as Array<{ componentCode: string; required: boolean; certificationRequired: boolean }>) {
      if (!component.required) continue;
      const form = new FormData();
      form.append('file', new Blob([samplePdf(`${id} ${component.componentCode}`)], { type: 'application/pdf' }), `${component.componentCode}.pdf`);
      await send('digitization', `/dossiers/${id}/components/${component.componentCode}/scans`, operator, form, [200, 201], `scan-${component.componentCode}`);
      dossier.componentsScanned++;
      if (component.certificationRequired) {
        await send('digitization', `/dossiers/${id}/components/${component.componentCode}/certification`, operator, { certification: 'COPY_MATCHES_PAPER' }, [200, 201], `certify-${component.componentCode}`);
        dossier.componentsCertified++;
      }
    }
    await send('digitization', `/dossiers/${id}/digitization/complete`, operator, undefined, [200, 201], 'complete');

    const courier = stack.tokens.courier;
    const leg = await waitFor('forwarding to open the postal leg', () => read('forwarding', `/dossiers/${id}/leg`, courier));
    const destination = (leg.destinationPostalCode as string | undefined) ?? HUB;
    for (const [kind, postalCode] of [['DISPATCHED', '33100'], ['ARRIVED', destination], ['HANDED_OVER', destination]] as const) {
      await send('forwarding', `/dossiers/${id}/scans`, courier, { kind, postalCode, at: vietnamTimestamp() }, [200, 201], `scan-${kind}`);
    }
    await send('forwarding', '/handover-records', courier, { items: [{ dossierId: id, documentsCounted }], signedAt: vietnamTimestamp() }, [201], 'handover-record');

    const agency = tokenFor(stack, { role: 'agency', agencyId: dossier.agencyId, subject: 'fault-suite-observer' });
    const decided = (statuses: string[]) => async () => {
      const agencyView = await read('agency-gateway', `/agency/dossiers/${id}`, agency);
      return agencyView && statuses.includes(agencyView.status as string) ? agencyView : undefined;
    };
    let decision = await waitFor('the agency simulator’s decision', decided(['SUPPLEMENT_REQUESTED', 'REJECTED', 'RESULT_ISSUED']));
    if (decision.status === 'SUPPLEMENT_REQUESTED') {
      dossier.supplementRequested = true;
      await send('agency-gateway', `/dossiers/${id}/supplement-completion`, stack.tokens.clerk, { submissionChannel: 'POSTAL' }, [200, 201], 'supplement-completion');
      decision = await waitFor('the decision after the supplement', decided(['REJECTED', 'RESULT_ISSUED']));
    }
    if (decision.status !== 'RESULT_ISSUED') throw new Error(`the agency decided ${decision.status as string}; the run asks the simulator for results only`);

    const opened = await waitFor('returns to open the return leg', async () => {
      const returnView = await read('returns', `/returns/${id}`, courier);
      return returnView && returnView.legId && returnView.status === 'OPEN' ? returnView : undefined;
    });
    await send('returns', `/returns/${id}/pickup`, courier, { pickedUpAt: vietnamTimestamp() }, [200, 201], 'pickup');
    await send('returns', `/returns/${id}/attempts`, courier, { attemptedAt: vietnamTimestamp(), reasonCode: 'ADDRESSEE_ABSENT', invitationLeft: true }, [200, 201], 'attempt');
    const takenBack = (opened.documentsToTakeBack as unknown[] | undefined) ?? [];
    await send(
      'returns',
      `/returns/${id}/delivery`,
      courier,
      {
        deliveredAt: vietnamTimestamp(),
        recipientKind: 'APPLICANT',
        identityDocumentType: 'CCCD',
        identityMatches: true,
        feesCollected: (opened.feesToCollect as number | null) ?? 0,
        ...(takenBack.length > 0 ? { takenBackDocuments: takenBack } : {}),
      },
      [200, 201],
      'delivery',
    );
    dossier.delivered = true;
  } catch (error) {
    dossier.stoppedBecause = (error as Error).message;
  }
  return dossier;
}
