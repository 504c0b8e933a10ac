import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { EntityManager } from 'typeorm';
import { assertValidEvent, buildEvent, EventType, getEventDescriptor, agencyTopicFor, type BcciEvent, type EventTypeName } from '@bcci/contracts';
import { fixedClock } from '@bcci/kernel';
import { DLQ_HEADERS } from '@bcci/messaging';
import { EventCollector, startTestService, waitUntil, type TestService } from '@bcci/service-kit/testing';
import { AppModule } from '../src/app.module';
import type { AgencyCommand } from '../src/commands/application/agency-command';
import { IssueResultUseCase } from '../src/commands/application/issue-result.use-case';
import { RejectDossierUseCase } from '../src/commands/application/reject-dossier.use-case';
import { RequestSupplementUseCase } from '../src/commands/application/request-supplement.use-case';
import { SignHandoverUseCase } from '../src/commands/application/sign-handover.use-case';
import { RecordHandoverRecordSignedUseCase } from '../src/dossiers/application/record-handover-record-signed.use-case';
import type { AgencyDossierState } from '../src/dossiers/domain/agency-dossier';
import { GatewayClock } from '../src/shared/gateway-clock';
import { AGENCY, agencyCommand, INTAKE_POSTAL_CODE, UpstreamProducer, upstreamEvents } from './agency-gateway.fixtures';

const ROUNDS = 20;
/**
 * Rounds stop at ROUNDS once both interleavings have been seen among the at-once orders; until then
 * they go on, up to this cap, so that an unlucky run of staggers does not fail a correct service.
 */
const MAX_ROUNDS = 3 * ROUNDS;
const STREAM = 'bcci.agency-gateway.dossier-events.v1';
const DECISIONS_DLQ = 'bcci.agency.decisions.v1.dlq';
/** Every decision of this file is taken at this moment (the gateway's injected clock). */
const NOW = '2025-03-14T10:00:00+07:00';
/** The post's handover record, signed by both sides the day before: the legal filing time. */
const SIGNED_AT = '2025-03-13T09:41:12+07:00';
const FILED_AT = new Date(SIGNED_AT).toISOString();
const WRONG_STATE = 'dossier.wrong-state';
const AGENCY_SYSTEM = {
  role: 'AGENCY_SYSTEM' as const,
  ref: 'agency-system:H65',
};
const CLERK_SUBJECT = 'staff:33100-017';

type HandoverRecordSigned = BcciEvent<typeof EventType.HandoverRecordSigned>;

/** How one step ended: applied, or refused with its error code (HTTP body, DLQ reason, thrown error). */
type Answer = { ok: true } | { ok: false; code: string };
const refusedWith = (answer: Answer, code: string) => !answer.ok && answer.code === code;

/**
 * Issue 9 for the agency gateway: pairs of handlers that load and save the same dossier row at once,
 * each pair in both orders one after the other and both at once, over Kafka and in process with a
 * random stagger, on PostgreSQL and the broker.
 *
 * (a) The clerk's supplement completion (the step that ends a supplement wait) against the agency's
 *     answer for the same dossier. The result against the completion: the domain refuses a result while
 *     the dossier waits for its supplement (`issueResult` needs RECEIVED or PROCESSING; 409
 *     dossier.wrong-state, over Kafka a dead letter with that reason), so "result before completion" is a
 *     documented refusal that writes nothing, not even the command id: the agency's retry with the same
 *     command id is then applied once. The rejection against the completion: both are allowed during the
 *     wait, so this is the pair where a lost update would show (a completion saved over a rejection).
 * (b) The agency's decisions arriving before the post's handover record (forwarding's
 *     handover-record-signed, the legal filing time the gateway waits for) and at the same moment.
 *     Supplement request and result before the record: refused (409 dossier.wrong-state, the dossier is
 *     only PUBLISHED), retried after it and applied once. Rejection before the record: allowed, "not
 *     received" (3, AT_RECEPTION), and the record only notes its filing time on the rejected dossier;
 *     after the record: "processing stopped" (8, DURING_PROCESSING). The agency's own signature through
 *     the gateway (sign-handover) with the post's record: both apply in either order and the record's
 *     time is the filing time in force.
 *
 * Every dossier must end consistent with the answers, with exactly one of each event it produced on the
 * gateway's stream (read from the outbox) and the same count of agency-topic copies.
 */
describe('agency gateway: decisions racing on one dossier (PostgreSQL + broker)', () => {
  let service: TestService;
  let upstream: UpstreamProducer;
  let deadLetters: EventCollector;
  const mine = new Set<string>();
  const agency = () =>
    service.authHeader({
      role: 'agency',
      agencyId: AGENCY,
      subject: 'agency-user:H65-0042',
    });
  const clerk = () =>
    service.authHeader({
      role: 'clerk',
      postalCode: INTAKE_POSTAL_CODE,
      subject: CLERK_SUBJECT,
    });

  beforeAll(async () => {
    service = await startTestService(AppModule, {
      serviceName: 'agency-gateway-race',
    });
    service.app.get(GatewayClock).now = fixedClock(new Date(NOW)).now;
    upstream = new UpstreamProducer(service.brokers);
    deadLetters = await new EventCollector({
      brokers: service.brokers,
      topics: [DECISIONS_DLQ],
      where: (e) => mine.has(e.subject),
    }).start();
  });

  afterAll(async () => {
    await deadLetters?.stop();
    await upstream?.stop();
    await service?.stop();
  });

  /** Polls `condition` until it holds; fails after `timeoutMs` naming what it waited for. */
  const until = waitUntil;

  const inInbox = async (eventId: string) => (await service.dataSource.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [eventId])).length > 0;

  /** The gateway's consumer handled the event (its inbox row committed with the effect). */
  const handled = (event: BcciEvent) => until(`${event.type} ${event.id} handled (inbox row)`, () => inInbox(event.id));

  /** An agency command sent over Kafka: applied (inbox row) or refused (dead letter, the refusal as reason). */
  async function commandOutcome(command: BcciEvent): Promise<Answer> {
    let answer: Answer | undefined;
    await until(`command ${command.type} ${command.id} applied (inbox row) or dead-lettered`, async () => {
      const dead = deadLetters.events.find((c) => c.event.id === command.id);
      if (dead)
        answer = {
          ok: false,
          code: String(dead.message.headers[DLQ_HEADERS.reason]),
        };
      else if (await inInbox(command.id)) answer = { ok: true };
      return answer !== undefined;
    });
    return answer!;
  }

  /** A dead letter's reason names the refusal as "<kind> <code>: <message>": its code, to compare with HTTP's. */
  const codeOfReason = (answer: Answer): Answer =>
    answer.ok
      ? answer
      : {
          ok: false,
          code: /\b([a-z-]+(?:\.[a-z-]+)+): /.exec(answer.code)?.[1] ?? answer.code,
        };

  function httpAnswer(response: request.Response): Answer {
    if (response.status === 200) return { ok: true };
    return { ok: false, code: `${response.status} ${response.body.code}` };
  }

  async function inProcess(work: () => Promise<unknown>): Promise<Answer> {
    try {
      await work();
      return { ok: true };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code) throw error;
      return { ok: false, code };
    }
  }

  /**
   * Round trips on the transaction's own connection before its first statement: the random stagger.
   * From none (the in-process step usually locks the row first) to about twenty (the HTTP request
   * usually does), so that the rounds sweep both interleavings and the ones in between.
   */
  async function stagger(manager: EntityManager, roundTrips: number): Promise<void> {
    for (let i = 0; i < roundTrips; i++) await manager.query('SELECT 1');
  }

  const randomStagger = () => Math.floor(Math.random() * 21);

  /**
   * Runs rounds of one dossier per order, at least ROUNDS of them and more (up to MAX_ROUNDS) until
   * `atOnce` holds both interleavings. Dossiers are prepared in batches of ROUNDS rounds.
   */
  async function runRounds(
    prepare: (count: number) => Promise<string[]>,
    ordersPerRound: number,
    atOnce: Set<string>,
    runRound: (round: number, dossierIds: string[]) => Promise<void>,
  ): Promise<void> {
    let prepared: string[] = [];
    for (let round = 0; round < MAX_ROUNDS && (round < ROUNDS || atOnce.size < 2); round++) {
      if (prepared.length < ordersPerRound) prepared = await prepare(ROUNDS * ordersPerRound);
      await runRound(round, prepared.splice(0, ordersPerRound));
    }
  }

  // ------------------------------------------------------------------ dossiers in a given state

  /** Dossiers published to the agency (registration, leg, digitization), status PUBLISHED. */
  async function publishedDossiers(count: number): Promise<string[]> {
    const dossierIds = Array.from({ length: count }, () => randomUUID());
    for (const id of dossierIds) mine.add(id);
    const events = dossierIds.flatMap((id) => upstreamEvents(id));
    for (let i = 0; i < events.length; i += 90) await upstream.send(events.slice(i, i + 90));
    await until(`${count} dossiers published`, async () => {
      const [row] = await service.dataSource.query(`SELECT count(*)::int AS n FROM agency_dossier WHERE dossier_id = ANY($1::uuid[]) AND status = 'PUBLISHED'`, [dossierIds]);
      return row.n === count;
    });
    return dossierIds;
  }

  /** Forwarding's handover record for the dossier, signed by the courier and on paper by the agency. */
  function postSignature(dossierId: string): HandoverRecordSigned {
    const event = buildEvent({
      type: EventType.HandoverRecordSigned,
      data: {
        dossierId,
        legId: randomUUID(),
        handoverRecordId: randomUUID(),
        recordNumber: 'BB-33100-250313-0001',
        agencyId: AGENCY,
        signedAt: SIGNED_AT,
        postalSignedAt: SIGNED_AT,
        agencySignedAt: SIGNED_AT,
        agencySignatureSource: 'PAPER_RECORD',
        itemsCounted: 1,
        componentsMatch: true,
        postalSigner: { role: 'COURIER', ref: 'staff:33100-104' },
        agencySigner: {
          role: 'AGENCY_RECEIVER',
          ref: `agency-receiver:${AGENCY}`,
        },
        postalDeadlineMet: true,
      },
    });
    assertValidEvent(event);
    return event;
  }

  /** Published dossiers whose handover record was signed and whose agency asked for a supplement. */
  async function awaitingSupplement(count: number): Promise<string[]> {
    const dossierIds = await publishedDossiers(count);
    const signatures = dossierIds.map(postSignature);
    await upstream.send(signatures);
    for (const signature of signatures) await handled(signature);
    for (const dossierId of dossierIds) {
      const asked = await decide('request-supplement', dossierId, randomUUID());
      expect(asked.status).toBe(200);
    }
    return dossierIds;
  }

  // ------------------------------------------------------------------ the steps

  type AgencyDecision = 'issue-result' | 'reject-dossier' | 'request-supplement' | 'sign-handover';

  const DECISIONS: Record<AgencyDecision, { path: string; input: Record<string, unknown>; event: EventTypeName }> = {
    'issue-result': {
      path: 'result',
      input: {
        resultKind: 'REFERENCE',
        medium: 'DIGITAL',
        resultReference: '7/QD-SNV',
        feesOwed: 0,
      },
      event: EventType.ResultIssued,
    },
    'reject-dossier': {
      path: 'rejection',
      input: {
        reasonCode: 'SUPPLEMENT_NOT_PROVIDED',
        reason: 'Không bổ sung hồ sơ.',
      },
      event: EventType.DossierRejected,
    },
    'request-supplement': {
      path: 'supplement-requests',
      input: {
        requestedComponents: [{ componentCode: 'TO-KHAI' }],
        reason: 'Thiếu chữ ký.',
      },
      event: EventType.SupplementRequested,
    },
    'sign-handover': {
      path: 'handover-signature',
      input: {},
      event: EventType.HandoverAcknowledged,
    },
  };

  /** The agency's decision over HTTP; the Idempotency-Key (a UUID) is the command id. */
  function decide(kind: AgencyDecision, dossierId: string, commandId: string) {
    return request(service.url)
      .post(`/agency/dossiers/${dossierId}/${DECISIONS[kind].path}`)
      .set('Authorization', agency())
      .set('Idempotency-Key', commandId)
      .send(DECISIONS[kind].input);
  }

  /** The same decision as the gateway's consumer applies a Kafka command, in the given transaction. */
  function decideInProcess(kind: AgencyDecision, dossierId: string, commandId: string, manager: EntityManager): Promise<unknown> {
    const command = <T>(input: T): AgencyCommand<T> => ({
      commandId,
      agencyId: AGENCY,
      dossierId,
      actor: AGENCY_SYSTEM,
      channel: 'KAFKA',
      input,
    });
    const input = DECISIONS[kind].input as never;
    switch (kind) {
      case 'issue-result':
        return service.app.get(IssueResultUseCase).execute(command(input), manager);
      case 'reject-dossier':
        return service.app.get(RejectDossierUseCase).execute(command(input), manager);
      case 'request-supplement':
        return service.app.get(RequestSupplementUseCase).execute(command(input), manager);
      case 'sign-handover':
        return service.app.get(SignHandoverUseCase).execute(command(input), manager);
    }
  }

  /** The same decision as an agency system puts it on bcci.agency.decisions.v1. */
  function decisionCommand(kind: 'issue-result' | 'reject-dossier', dossierId: string, commandId: string): BcciEvent {
    const base = {
      dossierId,
      commandId,
      agencyId: AGENCY,
      actor: AGENCY_SYSTEM,
    };
    if (kind === 'issue-result')
      return agencyCommand(EventType.IssueResult, {
        ...base,
        resultKind: 'REFERENCE',
        medium: 'DIGITAL',
        resultReference: '7/QD-SNV',
        feesOwed: 0,
      });
    return agencyCommand(EventType.RejectDossier, {
      ...base,
      reasonCode: 'SUPPLEMENT_NOT_PROVIDED',
      reason: 'Không bổ sung hồ sơ.',
    });
  }

  /** The clerk of the intake postal point records the supplement complete (HTTP). */
  const complete = (dossierId: string) =>
    request(service.url)
      .post(`/dossiers/${dossierId}/supplement-completion`)
      .set('Authorization', clerk())
      .set('Idempotency-Key', randomUUID())
      .send({ submissionChannel: 'POSTAL' });

  /**
   * The post's handover record as the consumer handles it, in a transaction of its own: the use case
   * gathers the fact, and the run's work is done just before the commit, as the consumer does it.
   */
  const recordSignatureInProcess = async (event: HandoverRecordSigned, manager: EntityManager) => {
    const beforeCommit: Array<() => Promise<void>> = [];
    service.app.get(RecordHandoverRecordSignedUseCase).execute({ manager, beforeCommit: (_key, work) => beforeCommit.push(work) }, event);
    for (const work of beforeCommit) await work();
  };

  // ------------------------------------------------------------------ what a dossier ended with

  interface Story {
    state: AgencyDossierState;
    /** Events on the gateway's stream, in outbox order. */
    stream: BcciEvent[];
    /** Types whose agency-topic copies do not match the stream (a copy missing or duplicated). */
    copiesOff: string[];
  }

  async function storyOf(dossierId: string): Promise<Story> {
    const [row] = await service.dataSource.query(`SELECT state FROM agency_dossier WHERE dossier_id = $1`, [dossierId]);
    const rows: { topic: string; event_type: string; envelope: BcciEvent }[] = await service.dataSource.query(
      `SELECT topic, event_type, envelope FROM outbox WHERE message_key = $1 ORDER BY id`,
      [dossierId],
    );
    for (const { envelope } of rows) assertValidEvent(envelope);
    const stream = rows.filter((r) => r.topic === STREAM).map((r) => r.envelope);
    const copies = rows.filter((r) => r.topic === agencyTopicFor(AGENCY));
    const copiesOff = [...new Set(rows.map((r) => r.event_type))].filter((type) => {
      const expected = getEventDescriptor(type as EventTypeName).alsoOnAgencyTopic ? stream.filter((e) => e.type === type).length : 0;
      return copies.filter((r) => r.event_type === type).length !== expected;
    });
    return { state: row.state, stream, copiesOff };
  }

  const countOf = (story: Story, type: string) => story.stream.filter((e) => e.type === type).length;
  const typesOf = (story: Story) => story.stream.map((e) => e.type.replace(/^bcci\.agency-gateway\.|\.v1$/g, ''));

  // ------------------------------------------------------------------ (a) supplement completion vs the agency's answer

  type SupplementOrder = 'completionFirst' | 'decisionFirst' | 'togetherOverKafka' | 'togetherInProcess';
  const SUPPLEMENT_ORDERS: SupplementOrder[] = ['completionFirst', 'decisionFirst', 'togetherOverKafka', 'togetherInProcess'];

  /** Runs the clerk's completion and the agency's decision in the given order; answers of both. */
  async function completionAndDecision(order: SupplementOrder, kind: 'issue-result' | 'reject-dossier', dossierId: string, commandId: string) {
    switch (order) {
      case 'completionFirst': {
        const completion = httpAnswer(await complete(dossierId));
        return {
          completion,
          decision: httpAnswer(await decide(kind, dossierId, commandId)),
        };
      }
      case 'decisionFirst': {
        const decision = httpAnswer(await decide(kind, dossierId, commandId));
        return { completion: httpAnswer(await complete(dossierId)), decision };
      }
      case 'togetherOverKafka': {
        const command = decisionCommand(kind, dossierId, commandId);
        const [completion] = await Promise.all([complete(dossierId), upstream.send([command])]);
        return {
          completion: httpAnswer(completion),
          decision: codeOfReason(await commandOutcome(command)),
        };
      }
      case 'togetherInProcess': {
        const roundTrips = randomStagger();
        const [completion, decision] = await Promise.all([
          complete(dossierId),
          inProcess(() =>
            service.dataSource.transaction(async (manager) => {
              await stagger(manager, roundTrips);
              return decideInProcess(kind, dossierId, commandId, manager);
            }),
          ),
        ]);
        return { completion: httpAnswer(completion), decision, roundTrips };
      }
    }
  }

  it(`supplement completion and the agency's result, in each order and at once (Kafka, in process), at least ${ROUNDS} rounds: a result during the wait is refused and writes nothing; completed once, result issued once`, async () => {
    const wrong: unknown[] = [];
    const atOnce = new Set<string>();
    await runRounds(awaitingSupplement, SUPPLEMENT_ORDERS.length, atOnce, async (round, ofRound) => {
      await Promise.all(
        ofRound.map(async (dossierId, i) => {
          const order = SUPPLEMENT_ORDERS[i];
          const commandId = randomUUID();
          const answers = await completionAndDecision(order, 'issue-result', dossierId, commandId);
          // A refused result left no trace, not even its command id: the agency's retry is applied.
          const retry = answers.decision.ok ? undefined : httpAnswer(await decide('issue-result', dossierId, commandId));
          const story = await storyOf(dossierId);
          if (order.startsWith('together')) atOnce.add(answers.decision.ok ? 'completion, then result' : 'result refused, then completion');
          const refusalAllowed = order !== 'completionFirst';
          const refusalRequired = order === 'decisionFirst';
          const consistent =
            answers.completion.ok &&
            (answers.decision.ok
              ? !refusalRequired
              : refusalAllowed && refusedWith(answers.decision, order === 'togetherInProcess' || order === 'togetherOverKafka' ? WRONG_STATE : `409 ${WRONG_STATE}`)) &&
            (retry === undefined || retry.ok) &&
            story.state.status === 'RESULT_ISSUED' &&
            story.state.nationalStatus === 9 &&
            story.state.supplementsCompleted === 1 &&
            story.state.pendingSupplement === null &&
            JSON.stringify(typesOf(story)) === JSON.stringify(['dossier-published-to-agency', 'supplement-requested', 'supplement-completed', 'result-issued']) &&
            story.copiesOff.length === 0;
          if (!consistent)
            wrong.push({
              round,
              order,
              dossierId,
              answers,
              retry,
              status: story.state.status,
              events: typesOf(story),
              copiesOff: story.copiesOff,
            });
        }),
      );
    });
    expect(wrong).toEqual([]);
    // Both interleavings happened at once: otherwise "at once" only repeated a one-after-the-other order.
    expect([...atOnce].sort()).toEqual(['completion, then result', 'result refused, then completion']);
  });

  it(`supplement completion and the agency's rejection, in each order and at once (Kafka, in process), at least ${ROUNDS} rounds: rejected once; completed once only if before the rejection, else refused`, async () => {
    const wrong: unknown[] = [];
    const atOnce = new Set<string>();
    await runRounds(awaitingSupplement, SUPPLEMENT_ORDERS.length, atOnce, async (round, ofRound) => {
      await Promise.all(
        ofRound.map(async (dossierId, i) => {
          const order = SUPPLEMENT_ORDERS[i];
          const answers = await completionAndDecision(order, 'reject-dossier', dossierId, randomUUID());
          const story = await storyOf(dossierId);
          const completed = answers.completion.ok;
          if (order.startsWith('together')) atOnce.add(completed ? 'completion, then rejection' : 'rejection, then completion refused');
          const expectedEvents = ['dossier-published-to-agency', 'supplement-requested', ...(completed ? ['supplement-completed'] : []), 'dossier-rejected'];
          const consistent =
            answers.decision.ok &&
            (completed ? order !== 'decisionFirst' : order !== 'completionFirst' && refusedWith(answers.completion, `409 ${WRONG_STATE}`)) &&
            story.state.status === 'REJECTED' &&
            story.state.nationalStatus === 8 &&
            story.state.pendingSupplement === null &&
            story.state.supplementsCompleted === (completed ? 1 : 0) &&
            JSON.stringify(typesOf(story)) === JSON.stringify(expectedEvents) &&
            story.copiesOff.length === 0;
          if (!consistent)
            wrong.push({
              round,
              order,
              dossierId,
              answers,
              status: story.state.status,
              supplementsCompleted: story.state.supplementsCompleted,
              events: typesOf(story),
            });
        }),
      );
    });
    expect(wrong).toEqual([]);
    expect([...atOnce].sort()).toEqual(['completion, then rejection', 'rejection, then completion refused']);
  });

  // ------------------------------------------------------------------ (b) agency decisions vs the post's handover record

  type SignatureOrder = 'decisionFirst' | 'signatureFirst' | 'togetherOverKafka' | 'togetherInProcess';
  const SIGNATURE_ORDERS: SignatureOrder[] = ['decisionFirst', 'signatureFirst', 'togetherOverKafka', 'togetherInProcess'];

  /** Runs the agency's decision (HTTP) and the post's handover record (Kafka or in process) in the given order. */
  async function decisionAndSignature(order: SignatureOrder, kind: AgencyDecision, dossierId: string, commandId: string) {
    const signature = postSignature(dossierId);
    switch (order) {
      case 'decisionFirst': {
        const decision = httpAnswer(await decide(kind, dossierId, commandId));
        await upstream.send([signature]);
        await handled(signature);
        return { decision, signature };
      }
      case 'signatureFirst': {
        await upstream.send([signature]);
        await handled(signature);
        return {
          decision: httpAnswer(await decide(kind, dossierId, commandId)),
          signature,
        };
      }
      case 'togetherOverKafka': {
        const [decision] = await Promise.all([decide(kind, dossierId, commandId), upstream.send([signature])]);
        await handled(signature);
        return { decision: httpAnswer(decision), signature };
      }
      case 'togetherInProcess': {
        const roundTrips = randomStagger();
        const [decision] = await Promise.all([
          decide(kind, dossierId, commandId),
          service.dataSource.transaction(async (manager) => {
            await stagger(manager, roundTrips);
            await recordSignatureInProcess(signature, manager);
          }),
        ]);
        return { decision: httpAnswer(decision), signature, roundTrips };
      }
    }
  }

  /** What each decision must leave, given whether it came before the record (refused or not). */
  function checkAfterSignature(
    kind: AgencyDecision,
    order: SignatureOrder,
    first: Answer,
    retry: Answer | undefined,
    story: Story,
    signature: HandoverRecordSigned,
    again?: Answer,
  ): { problems: string[]; decisionFirst: boolean } {
    const problems: string[] = [];
    let decisionFirst = !first.ok;
    const { state } = story;
    if (state.handoverRecordSignedAt !== SIGNED_AT || state.handoverRecordId !== signature.data.handoverRecordId) problems.push('handover record lost');
    if (story.copiesOff.length) problems.push(`agency copies off: ${story.copiesOff.join(', ')}`);
    if (countOf(story, EventType.DossierPublishedToAgency) !== 1) problems.push('published not once');
    const others = story.stream.filter((e) => e.type !== EventType.DossierPublishedToAgency && e.type !== DECISIONS[kind].event);
    if (others.length) problems.push(`unexpected events: ${others.map((e) => e.type).join(', ')}`);
    if (countOf(story, DECISIONS[kind].event) !== 1) problems.push(`${DECISIONS[kind].event} ${countOf(story, DECISIONS[kind].event)} times`);
    switch (kind) {
      case 'request-supplement':
      case 'issue-result': {
        // Before the record the dossier is only PUBLISHED: refused, nothing written; the retry applies.
        if (order === 'decisionFirst' && first.ok) problems.push('applied before the record');
        if (order === 'signatureFirst' && !first.ok) problems.push('refused after the record');
        if (!first.ok && !refusedWith(first, `409 ${WRONG_STATE}`)) problems.push(`refused with ${first.code}`);
        if (!first.ok && !retry?.ok) problems.push('retry after the record refused');
        const status = kind === 'issue-result' ? 'RESULT_ISSUED' : 'SUPPLEMENT_REQUESTED';
        if (state.status !== status || state.legalFilingAt !== FILED_AT || state.clock?.clockStart !== FILED_AT)
          problems.push(`ended ${state.status}, filed ${state.legalFilingAt}`);
        break;
      }
      case 'reject-dossier': {
        // Before the record: not received (3), the record only notes its time; after it: stopped (8).
        const rejected = story.stream.find((e) => e.type === EventType.DossierRejected) as BcciEvent<typeof EventType.DossierRejected> | undefined;
        const atReception = rejected?.data.stage === 'AT_RECEPTION';
        decisionFirst = atReception;
        if (!first.ok) problems.push(`rejection refused: ${first.code}`);
        if (order === 'decisionFirst' && !atReception) problems.push('rejected before the record but not at reception');
        if (order === 'signatureFirst' && atReception) problems.push('rejected after the record but at reception');
        const expected = atReception ? { nationalStatus: 3, legalFilingAt: null } : { nationalStatus: 8, legalFilingAt: FILED_AT };
        if (state.status !== 'REJECTED' || state.nationalStatus !== expected.nationalStatus || state.legalFilingAt !== expected.legalFilingAt) {
          problems.push(`ended ${state.status} (${state.nationalStatus}), filed ${state.legalFilingAt}, event stage ${rejected?.data.stage}`);
        }
        break;
      }
      case 'sign-handover': {
        // Both signatures apply in either order; the record's time is the filing time in force; a
        // second agency signature is refused (the acknowledgement was not lost).
        if (!first.ok) problems.push(`agency signature refused: ${first.code}`);
        // The acknowledgement carries the clock the agency signed into: its own signature's time when
        // it signed first, the record's when the record came first.
        const acknowledged = story.stream.find((e) => e.type === EventType.HandoverAcknowledged) as BcciEvent<typeof EventType.HandoverAcknowledged> | undefined;
        decisionFirst = acknowledged?.data.agencyDeadline.clockStart !== FILED_AT;
        if (order === 'decisionFirst' && !decisionFirst) problems.push('signed first but acknowledged with the record’s time');
        if (order === 'signatureFirst' && decisionFirst) problems.push('record first but acknowledged without its time');
        if (state.status !== 'RECEIVED' || state.acknowledgedAt === null || state.legalFilingAt !== FILED_AT || state.clock?.clockStart !== FILED_AT) {
          problems.push(`ended ${state.status}, acknowledged ${state.acknowledgedAt}, filed ${state.legalFilingAt}`);
        }
        if (!again || !refusedWith(again, `409 ${WRONG_STATE}`)) problems.push(`second agency signature answered ${JSON.stringify(again)}`);
        break;
      }
    }
    return { problems, decisionFirst };
  }

  describe.each<AgencyDecision>(['request-supplement', 'reject-dossier', 'issue-result', 'sign-handover'])('%s and the post’s handover record', (kind) => {
    it(`decision first, record first, and both at once (Kafka, in process), at least ${ROUNDS} rounds: one ${DECISIONS[kind].event.replace(/^bcci\.agency-gateway\.|\.v1$/g, '')}, the record kept, the end state the order allows`, async () => {
      const wrong: unknown[] = [];
      const atOnce = new Set<string>();
      await runRounds(publishedDossiers, SIGNATURE_ORDERS.length, atOnce, async (round, ofRound) => {
        await Promise.all(
          ofRound.map(async (dossierId, i) => {
            const order = SIGNATURE_ORDERS[i];
            const commandId = randomUUID();
            const { decision, signature, roundTrips } = {
              roundTrips: undefined,
              ...(await decisionAndSignature(order, kind, dossierId, commandId)),
            };
            const retry = decision.ok ? undefined : httpAnswer(await decide(kind, dossierId, commandId));
            const again = kind === 'sign-handover' ? httpAnswer(await decide(kind, dossierId, randomUUID())) : undefined;
            const story = await storyOf(dossierId);
            const { problems, decisionFirst } = checkAfterSignature(kind, order, decision, retry, story, signature, again);
            if (order.startsWith('together')) atOnce.add(decisionFirst ? 'decision first' : 'record first');
            if (problems.length)
              wrong.push({
                round,
                order,
                roundTrips,
                dossierId,
                decision,
                retry,
                problems,
                events: typesOf(story),
              });
          }),
        );
      });
      expect(wrong).toEqual([]);
      // Both interleavings happened at once: otherwise "at once" only repeated a one-after-the-other order.
      expect([...atOnce].sort()).toEqual(['decision first', 'record first']);
    });
  });

  // ------------------------------------------------------------------ (c) two batch signatures sharing dossiers

  it(`two batch signatures of the same dossiers in opposite orders, at once, ${ROUNDS} rounds: one signs them all, the other is refused whole with 409, never a 500 (locks are taken in dossier-id order)`, async () => {
    const dossierIds = await publishedDossiers(ROUNDS * 3);
    const wrong: unknown[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const ofRound = dossierIds.slice(round * 3, round * 3 + 3);
      const batch = (ids: string[]) =>
        request(service.url)
          .post('/agency/handover-signatures')
          .set('Authorization', agency())
          .set('Idempotency-Key', randomUUID())
          .send({ dossiers: ids.map((dossierId) => ({ dossierId })) });
      const answers = await Promise.all([batch(ofRound), batch([...ofRound].reverse())]);
      const statuses = answers.map((answer) => answer.status).sort();
      const stories = await Promise.all(ofRound.map(storyOf));
      const acknowledged = stories.map((story) => countOf(story, EventType.HandoverAcknowledged));
      const winner = answers.find((answer) => answer.status === 200);
      if (
        JSON.stringify(statuses) !== JSON.stringify([200, 409]) ||
        acknowledged.some((count) => count !== 1) ||
        new Set(stories.map((story) => (story.stream.find((e) => e.type === EventType.HandoverAcknowledged)?.data as { batchId?: string })?.batchId)).size !== 1 ||
        winner?.body.results.length !== 3
      )
        wrong.push({ round, statuses, bodies: answers.map((answer) => answer.body), acknowledged });
    }
    expect(wrong).toEqual([]);
  });
});

