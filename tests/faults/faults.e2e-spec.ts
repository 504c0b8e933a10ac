// Issue 9's fault suite, short: 60 whole journeys while every service, the broker and PostgreSQL are each
// SIGKILLed once and PostgreSQL is taken away once, at moments fixed by the seed. Then, from the outside:
// every accepted dossier exists once at intake and is in its final state at every service, each step is
// in tracking's timeline exactly as often as the journey takes it, tracking's R2/R3 numerators equal the
// driver's own count, no dead letter anywhere, and `timeline:verify` passes.
// `npm run test:faults` is the long run for a person (1,000 dossiers, each fault kind three times).
import { startStack, type E2eStack } from '../support/e2e-stack';
import { FAULT_STACK, figureLine, findings, runFaultSuite, type FaultRunReport } from './fault-run';

const CI_SEED = 20261206;
const CI_DOSSIERS = 60;
/** 60 dossiers over 150 s: the faults (about 30 s each for a service to be ready again) fall among journeys in flight. */
const CI_RATE_PER_SECOND = 0.4;

describe('the fault suite, short (issue 9): journeys through a kill of everything and a PostgreSQL outage', () => {
  let stack: E2eStack;
  let report: FaultRunReport;

  beforeAll(async () => {
    stack = await startStack(FAULT_STACK);
    report = await runFaultSuite(stack, {
      dossiers: CI_DOSSIERS,
      ratePerSecond: CI_RATE_PER_SECOND,
      rounds: 1,
      seed: CI_SEED,
      outageSeconds: [5, 15],
      log: () => undefined,
    });
    console.log(figureLine(report));
  }, 20 * 60_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('inflicted one fault of each kind: every service killed, the broker killed, PostgreSQL killed and taken away', () => {
    const kinds = report.faults.map((f) => f.description.replace(/\d+ s$/, 'N s')).sort();
    const expected = [...stack.services.map((service) => `SIGKILL ${service}`), 'SIGKILL the Kafka broker', 'SIGKILL PostgreSQL (postmaster)', 'PostgreSQL away for N s'].sort();
    expect(kinds).toEqual(expected);
  });

  it('took every dossier to its delivery', () => {
    expect(report.dossiers.filter((d) => !d.delivered).map((d) => `#${d.seq}: ${d.stoppedBecause}`)).toEqual([]);
  });

  it('lost nothing, duplicated nothing, missed no step, dead-lettered nothing; counters equal the driver’s; timeline:verify passes', () => {
    expect(findings(report)).toEqual([]);
    expect(report.audit.deadLetters).toBe(0);
    expect(report.audit.accepted).toBe(CI_DOSSIERS);
  });
});
