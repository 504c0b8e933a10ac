import { assertValidEvent, EventType, topicFor, type DossierRegisteredData } from '@bcci/contracts';
import { startStack, type E2eStack } from '../support/e2e-stack';
import { subjectOf, typeOf, type EventReader } from '../support/event-reader';
import { bcciProcedureFor, registerDossierBody, REGISTER_DOSSIER_PATH } from '../support/intake-requests';

// A clerk at postal point 33100 registers a dossier over HTTP on the stack `npm start` runs; the sending
// slip comes back as a PDF and the dossier-registered event reaches Kafka once, valid against its schema.
describe('intake: register a dossier (end to end)', () => {
  let stack: E2eStack;
  let events: EventReader;

  beforeAll(async () => {
    stack = await startStack({ services: ['intake'] });
    events = await stack.readEvents([topicFor(EventType.DossierRegistered)]);
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${stack.urls.intake}${REGISTER_DOSSIER_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.tokens.clerk}`, ...headers },
      body: JSON.stringify(body),
    });

  it('registers the dossier, prints its sending slip and publishes one valid dossier-registered event', async () => {
    const procedure = bcciProcedureFor(stack.stack.catalog);
    const response = await post(registerDossierBody(procedure, 1), { 'idempotency-key': 'e2e-register-1' });
    expect(response.status).toBe(201);
    const dossier = (await response.json()) as { id: string; postalItemId: string; postalCode: string; status: string; procedure: { code: string } };
    expect(dossier).toMatchObject({ postalCode: '33100', procedure: { code: procedure.code } });
    expect(dossier.postalItemId).toMatch(/^[A-Z]{2}\d{9}VN$/);

    const slip = await fetch(`${stack.urls.intake}/dossiers/${dossier.id}/sending-slip`, { headers: { authorization: `Bearer ${stack.tokens.clerk}` } });
    expect(slip.status).toBe(200);
    expect(slip.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(Buffer.from(await slip.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const record = await events.waitFor((e) => subjectOf(e) === dossier.id, 60_000, `dossier-registered event for ${dossier.id}`);
    assertValidEvent(record.value);
    expect(typeOf(record)).toBe(EventType.DossierRegistered);
    expect(record.key).toBe(dossier.id);
    const data = record.value.data as DossierRegisteredData;
    expect(data).toMatchObject({ dossierId: dossier.id, s10ItemId: dossier.postalItemId, procedureCode: procedure.code, intakeSite: { postalCode: '33100' } });
    // No personal data on Kafka: the applicant's CCCD and phone appear nowhere in the record.
    const raw = JSON.stringify(record.value);
    expect(raw).not.toContain('015185000001');
    expect(raw).not.toContain('0910000001');
  });

  it('answers a retry with the same Idempotency-Key with the same dossier and publishes nothing more', async () => {
    const procedure = bcciProcedureFor(stack.stack.catalog);
    const body = registerDossierBody(procedure, 2);
    const first = (await (await post(body, { 'idempotency-key': 'e2e-register-2' })).json()) as { id: string };
    const retry = await post(body, { 'idempotency-key': 'e2e-register-2' });
    expect([200, 201]).toContain(retry.status);
    expect(((await retry.json()) as { id: string }).id).toBe(first.id);

    // A later registration's event is the marker: once it is read, any duplicate of the first would be too
    // (same producer, same topic, read in offset order per partition, and the relay publishes in id order).
    const marker = (await (await post(registerDossierBody(procedure, 3))).json()) as { id: string };
    await events.waitFor((e) => subjectOf(e) === marker.id, 60_000, 'the marker event');
    await events.waitFor((e) => subjectOf(e) === first.id, 60_000, 'the first event');
    expect(events.all().filter((e) => subjectOf(e) === first.id)).toHaveLength(1);
  });

  it('refuses a request without a token (401) and writes nothing', async () => {
    const before = events.all().length;
    const response = await fetch(`${stack.urls.intake}${REGISTER_DOSSIER_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(registerDossierBody(bcciProcedureFor(stack.stack.catalog), 4)),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ statusCode: 401, messageVi: expect.any(String) });
    const list = await fetch(`${stack.urls.intake}/dossiers?phone=0910000004`, { headers: { authorization: `Bearer ${stack.tokens.clerk}` } });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { total: number }).total).toBe(0);
    expect(events.all().length).toBe(before);
  });
});
