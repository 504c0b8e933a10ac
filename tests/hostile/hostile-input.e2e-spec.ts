// Issue 10's tier: malformed requests to every documented route of every service, on the whole stack.
// Each answer must be a small, readable 4xx; nothing may be written (row counts of every table and end
// offsets of every topic unchanged); every service must still be ready. The catalogue is fixed and a few
// random cases per route are added with a fixed seed; `npm run test:hostile -- --rounds 200` is the long
// run for a person (a new seed each time, printed so that a finding can be repeated).
import { startStack, type E2eStack } from '../support/e2e-stack';
import { figureLine, MAX_ANSWER_BYTES, runHostileInput, type HostileFinding, type HostileReport } from './hostile-run';

const CI_SEED = 20261205;
const CI_RANDOM_ROUNDS = 3;

const shown = (findings: readonly HostileFinding[]) => findings.slice(0, 20).map((f) => `${f.status} ${f.bytes} B ${f.request}: ${f.detail.slice(0, 160)}`);

describe('hostile input on every documented route (issue 10)', () => {
  let stack: E2eStack;
  let report: HostileReport;

  beforeAll(async () => {
    stack = await startStack();
    report = await runHostileInput(stack, { seed: CI_SEED, randomRounds: CI_RANDOM_ROUNDS });
    console.log(figureLine(report));
  }, 600_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('reached every service and sent each documented route its cases', () => {
    expect(report.routes).toBeGreaterThanOrEqual(40);
    expect(report.requests).toBeGreaterThan(report.routes * 5);
    // The probe found a role that passes each route's access check: the cases reached input handling.
    // (A public route such as the app's sign-in answers 401 to a wrong password: that is its answer, not a gate.)
    expect(report.unauthorizedOnGuardedRoutes).toBe(0);
  });

  it('answers none of them with a 5xx or not at all', () => {
    expect(shown(report.failures)).toEqual([]);
  });

  it('accepts none of them', () => {
    expect(shown(report.accepted)).toEqual([]);
  });

  it(`keeps every answer under ${MAX_ANSWER_BYTES / 1024} KB, with messageVi on every refusal`, () => {
    expect(shown(report.oversized)).toEqual([]);
    expect(shown(report.unreadable)).toEqual([]);
  });

  it('writes nothing: no row in any table, no message on any topic', () => {
    expect(report.writes).toEqual([]);
  });

  it('leaves every service ready', () => {
    expect(report.notReady).toEqual([]);
  });

  describe('the requests issue 10 named, one by one', () => {
    const get = (service: string, target: string, role: keyof E2eStack['tokens']) =>
      fetch(`${stack.urls[service]}${target}`, { headers: { authorization: `Bearer ${stack.tokens[role]}` } });

    it.each([
      ['intake', '/dossiers?code=a%00b', 'clerk'],
      ['tracking', '/dossiers?reference=a%00b', 'clerk'],
      ['forwarding', '/legs?offset=1e308', 'clerk'],
      ['returns', '/returns?offset=99999999999999999999', 'clerk'],
      ['tracking', '/clocks/overdue?offset=1e308', 'operations'],
      ['tracking', '/clocks/overdue?includeClosedLate=maybe', 'operations'],
      ['agency-gateway', '/agency/feed?limit[$ne]=x', 'agency'],
    ] as const)('%s GET %s is a 400 with messageVi', async (service, target, role) => {
      const answer = await get(service, target, role);
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { messageVi?: string }).messageVi).toEqual(expect.any(String));
    });

    it('a 400 KB body of 200,000 items gets a small answer, not 49 MB', async () => {
      const answer = await fetch(`${stack.urls.intake}/dossiers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.tokens.clerk}`, 'content-type': 'application/json', 'idempotency-key': 'hostile-200k' },
        body: `[${new Array(200_000).fill('0').join(',')}]`,
      });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect((await answer.arrayBuffer()).byteLength).toBeLessThan(MAX_ANSWER_BYTES);
    });
  });
});
