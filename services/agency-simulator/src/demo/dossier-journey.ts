import { randomUUID } from 'node:crypto';
import { call, DemoHttpError, waitFor } from './demo-http';
import type { StageCounters, DemoStage } from './demo-stages';
import { samplePdf } from '@bcci/service-kit/testing';
import { sampleApplicant } from './sample-people';
import type { StackAccess } from './stack-access';
import { systemClock } from '@bcci/kernel';

export interface ProcedureOffer {
  code: string;
  agency: { id: string };
  serviceForms: number[];
  checklist: Array<{ code: string; required: boolean; accepts: Array<'original' | 'copy'> }>;
  fees: { agencyFee: number; postageSend: number | null; postageReturn: number | null };
}

export interface JourneyContext {
  stack: StackAccess;
  counters: StageCounters;
  timeoutMs: number;
  /** Postal code where couriers scan arrival and hand-over (the provincial hub). */
  hubPostalCode: string;
  returnsUp: boolean;
  log: (line: string) => void;
}

interface RegisteredDossier {
  id: string;
  provisionalDossierId: string;
  postalItemId: string | null;
  components: Array<{ code: string; originals?: number; copies?: number; count?: number }>;
}

const now = () => systemClock.now().toISOString();

/**
 * One dossier's whole journey, driven the way clerks, operators and couriers would drive it, each over
 * its own service's public HTTP API; the agency's part is the simulator's.
 */
export class DossierJourney {
  private dossierId = '';
  private label: string;

  constructor(
    private readonly ctx: JourneyContext,
    private readonly seq: number,
    private readonly postalCode: string,
    private readonly procedure: ProcedureOffer,
    private readonly serviceForm: 1 | 3,
  ) {
    this.label = `#${String(seq).padStart(3, '0')}`;
  }

  async run(): Promise<void> {
    try {
      await this.register();
      await this.digitize();
      await this.forward();
      const outcome = await this.agencyDecision();
      if (outcome === 'RESULT_ISSUED' && this.serviceForm === 3) await this.returnByPost();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.ctx.counters.failures.push(`${this.label} ${this.dossierId || '(not registered)'}: ${message}`);
      this.ctx.log(`${this.label} stopped: ${message}`);
    }
  }

  private reached(stage: DemoStage, detail: string): void {
    this.ctx.counters.reached(stage);
    this.ctx.log(`${this.label} ${detail}`);
  }

  private url(service: string, path: string): string {
    return `${this.ctx.stack.urlOf(service)}${path}`;
  }

  private tokenOf(role: 'clerk' | 'digitization-operator' | 'courier'): string {
    return this.ctx.stack.token({ role, postalCode: this.postalCode, subject: `demo-${role}-${this.postalCode}` });
  }

  private async register(): Promise<void> {
    const components = this.procedure.checklist.filter((c) => c.required).map((c) => ({ code: c.code, kind: c.accepts[0], count: 1 }));
    const fees = this.procedure.fees;
    const body = {
      serviceForm: this.serviceForm,
      procedureCode: this.procedure.code,
      applicant: sampleApplicant(this.seq),
      components,
      fees: {
        agencyFee: { amount: fees.agencyFee, paymentMethod: 'cash' },
        postage: {
          forwardLeg: fees.postageSend ?? 0,
          ...(this.serviceForm === 3 ? { returnLeg: fees.postageReturn ?? 0 } : {}),
          paymentMethod: 'cash',
        },
      },
      sealNumber: `NP-DEMO-${String(this.seq).padStart(6, '0')}`,
    };
    const dossier = await call<RegisteredDossier>(this.url('intake', '/dossiers'), { token: this.tokenOf('clerk'), body, idempotencyKey: randomUUID() });
    this.dossierId = dossier.id;
    this.label = `#${String(this.seq).padStart(3, '0')} ${dossier.provisionalDossierId}`;
    this.reached('registered', `registered at ${this.postalCode}: ${this.procedure.code}, form ${this.serviceForm}, item ${dossier.postalItemId ?? '-'}`);
  }

  private async digitize(): Promise<void> {
    const token = this.tokenOf('digitization-operator');
    const statusUrl = this.url('digitization', `/dossiers/${this.dossierId}/digitization`);
    type View = { components: Array<{ componentCode: string; originals: number; certificationRequired: boolean; digitized: boolean; certified: boolean }>; missing: unknown[] };
    const view = await waitFor('the dossier at digitization', this.ctx.timeoutMs, () => call<View>(statusUrl, { token }));
    for (const component of view.components) {
      const form = new FormData();
      const pdf = samplePdf(`BCCI demo ${this.dossierId} ${component.componentCode}`);
      form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), `${component.componentCode}.pdf`);
      await call(this.url('digitization', `/dossiers/${this.dossierId}/components/${encodeURIComponent(component.componentCode)}/scans`), { token, form });
      if (component.certificationRequired) {
        await call(this.url('digitization', `/dossiers/${this.dossierId}/components/${encodeURIComponent(component.componentCode)}/certification`), {
          token,
          body: { certification: component.originals > 0 ? 'ORIGINAL_SIGHTED' : 'COPY_MATCHES_PAPER' },
        });
      }
    }
    await call(this.url('digitization', `/dossiers/${this.dossierId}/digitization/complete`), { token, method: 'POST' });
    this.reached('digitized', `digitized: ${view.components.length} component(s) scanned as PDF and certified`);
  }

  private async forward(): Promise<void> {
    const token = this.tokenOf('courier');
    type Leg = { status: string; agencyId: string; deadline: { dueDate: string; legClass: string } };
    const leg = await waitFor('the postal leg (forwarding)', this.ctx.timeoutMs, () => call<Leg>(this.url('forwarding', `/dossiers/${this.dossierId}/leg`), { token }));
    const scan = async (kind: string, postalCode: string, stage: DemoStage) => {
      await call(this.url('forwarding', `/dossiers/${this.dossierId}/scans`), { token, body: { kind, postalCode, at: now() } });
      this.reached(stage, `courier scan ${kind} at ${postalCode}${kind === 'DISPATCHED' ? ` (J+n ${leg.deadline.legClass}, due ${leg.deadline.dueDate})` : ''}`);
    };
    await scan('DISPATCHED', this.postalCode, 'dispatched');
    await scan('ARRIVED', this.ctx.hubPostalCode, 'arrived');
    await scan('HANDED_OVER', this.ctx.hubPostalCode, 'handedOver');
    const documents = this.procedure.checklist.filter((c) => c.required).length;
    await call(this.url('forwarding', '/handover-records'), { token, body: { items: [{ dossierId: this.dossierId, documentsCounted: documents }], signedAt: now() } });
    this.reached('handoverRecord', `handover record signed by the post for agency ${leg.agencyId}`);
  }

  /** Watches the agency's side through the gateway (agency token) while the simulator decides. */
  private async agencyDecision(): Promise<'RESULT_ISSUED' | 'REJECTED'> {
    const agencyToken = this.ctx.stack.token({ role: 'agency', agencyId: this.procedure.agency.id, subject: 'demo-observer' });
    type View = { status: string; nationalStatus: number | null; agencyDeadline: { dueDate: string } | null };
    const read = () => call<View>(this.url('agency-gateway', `/agency/dossiers/${this.dossierId}`), { token: agencyToken });
    const settled = (statuses: string[]) => async () => {
      const view = await read();
      return statuses.includes(view.status) ? view : undefined;
    };
    const decisions = ['SUPPLEMENT_REQUESTED', 'REJECTED', 'RESULT_ISSUED'];
    const ack = await waitFor('the agency to sign the handover (is the agency simulator running?)', this.ctx.timeoutMs, settled(['RECEIVED', 'PROCESSING', ...decisions]));
    this.reached('acknowledged', `agency ${this.procedure.agency.id} signed the handover; agency due date ${ack.agencyDeadline?.dueDate ?? '?'}`);
    let view = await waitFor('the agency decision', this.ctx.timeoutMs, settled(decisions));
    if (view.status === 'SUPPLEMENT_REQUESTED') {
      this.reached('supplementRequested', 'the agency asks for a supplement (national status 5)');
      const clerk = this.tokenOf('clerk');
      await call(this.url('agency-gateway', `/dossiers/${this.dossierId}/supplement-completion`), { token: clerk, body: { submissionChannel: 'POSTAL' }, idempotencyKey: randomUUID() });
      this.reached('supplementCompleted', 'supplement completed at the counter: the agency clock restarts');
      view = await waitFor('the result after the supplement', this.ctx.timeoutMs, settled(['REJECTED', 'RESULT_ISSUED']));
    }
    if (view.status === 'REJECTED') {
      this.reached('rejected', `rejected by the agency (national status ${view.nationalStatus ?? '?'})`);
      return 'REJECTED';
    }
    this.reached('resultIssued', `result issued (national status ${view.nationalStatus ?? '?'}${view.nationalStatus === 6 ? ': fees owed on delivery' : ''})`);
    return 'RESULT_ISSUED';
  }

  private async returnByPost(): Promise<void> {
    if (!this.ctx.returnsUp) return;
    const token = this.tokenOf('courier');
    type Return = {
      status: string;
      legId: string | null;
      feesToCollect: number | null;
      s10ItemId: string | null;
      documentsToTakeBack: Array<{ documentCode: string; title?: string; count: number }>;
    };
    // returns knows the dossier from its registration on (AWAITING_RESULT), but the courier can only pick
    // the result up once the return leg is open (result-issued consumed: S10 item id and J+n assigned).
    const ret = await waitFor('the return leg to open at returns (GET /returns/<id> with status OPEN)', this.ctx.timeoutMs, async () => {
      const view = await call<Return>(this.url('returns', `/returns/${this.dossierId}`), { token });
      return view.legId && view.status === 'OPEN' ? view : undefined;
    });
    const step = async (path: string, body: unknown, stage: DemoStage, detail: string) => {
      try {
        await call(this.url('returns', `/returns/${this.dossierId}/${path}`), { token, body });
        this.reached(stage, detail);
      } catch (error) {
        if (error instanceof DemoHttpError) throw new Error(`returns refused ${path}: ${error.message}`);
        throw error;
      }
    };
    await step('pickup', { pickedUpAt: now() }, 'pickedUp', `result picked up at the agency${ret.s10ItemId ? `, return item ${ret.s10ItemId}` : ""}`);
    await step('attempts', { attemptedAt: now(), reasonCode: 'ADDRESSEE_ABSENT', invitationLeft: true }, 'deliveryAttempted', 'nobody at home: invitation left (UPU EMH)');
    await step(
      'delivery',
      {
        deliveredAt: now(),
        recipientKind: 'APPLICANT',
        identityDocumentType: 'CCCD',
        identityMatches: true,
        feesCollected: ret.feesToCollect ?? 0,
        // The courier takes back what the agency listed (old licence, …) before handing the result over.
        ...(ret.documentsToTakeBack.length > 0 ? { takenBackDocuments: ret.documentsToTakeBack } : {}),
      },
      'delivered',
      `delivered to the applicant, CCCD checked${ret.feesToCollect ? `, ${ret.feesToCollect} VND collected` : ''} (national status 10)`,
    );
  }
}
