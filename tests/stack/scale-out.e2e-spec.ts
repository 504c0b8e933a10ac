// Issue 11, beyond one machine: every service runs as two instances (`npm start -- --instances 2`) against
// one broker and one PostgreSQL, HTTP spread over them by the launcher's balancer. Whole journeys then
// give exactly the effects one instance gives: every dossier once at intake and in its final state
// everywhere, each step once in tracking's timeline, tracking's counters equal to the driver's own count,
// no dead letter, hash chains intact. And the load really was shared: each instance answered requests
// and handled events of its partitions.
import { startStack, type E2eStack } from '../support/e2e-stack';
import { FAULT_STACK, figureLine, findings, runFaultSuite, type FaultRunReport } from '../faults/fault-run';

const INSTANCES = 2;
const DOSSIERS = 40;
const SEED = 20261207;

/** Requests an instance answered (its own Prometheus counter), probes of the launcher and tests left out. */
function requestsAnswered(metrics: string): number {
  return sumOf(metrics, /^http_requests_total\{([^}]*)\} (\d+(?:\.\d+)?)$/gm, (labels) => !/route="\/(ready|health|metrics)"/.test(labels));
}

/** Events an instance's consumers acted on (not duplicates, not types it ignores). */
function eventsHandled(metrics: string): number {
  return sumOf(metrics, /^events_consumed_total\{([^}]*)\} (\d+(?:\.\d+)?)$/gm, (labels) => labels.includes('outcome="handled"'));
}

function sumOf(metrics: string, sample: RegExp, keep: (labels: string) => boolean): number {
  let total = 0;
  for (const [, labels, value] of metrics.matchAll(sample)) if (keep(labels!)) total += Number(value);
  return total;
}

async function metricsOf(url: string): Promise<string> {
  const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(10_000) });
  if (response.status !== 200) throw new Error(`${url}/metrics answered ${response.status}`);
  return response.text();
}

describe(`${INSTANCES} instances of every service (issue 11): the same effects as one, exactly once`, () => {
  let stack: E2eStack;
  let report: FaultRunReport;
  const work = new Map<string, Array<{ instance: string; requests: number; events: number }>>();

  beforeAll(async () => {
    stack = await startStack({ ...FAULT_STACK, overrides: { ...FAULT_STACK.overrides, instances: INSTANCES } });
    // The fault suite's driver and audit, without faults: journeys at a steady rate, then the audit.
    report = await runFaultSuite(stack, { dossiers: DOSSIERS, ratePerSecond: 2, rounds: 0, seed: SEED, outageSeconds: [0, 0], log: () => undefined });
    console.log(`${INSTANCES} instances: ${figureLine(report)}`);
    for (const service of stack.stack.services) {
      const perInstance = [];
      for (const instance of service.instances) {
        const metrics = await metricsOf(instance.url);
        perInstance.push({ instance: instance.name, requests: requestsAnswered(metrics), events: eventsHandled(metrics) });
      }
      work.set(service.name, perInstance);
    }
    console.log([...work.values()].flat().map((w) => `${w.instance}: ${w.requests} requests, ${w.events} events`).join('; '));
  }, 20 * 60_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it(`runs every service as ${INSTANCES} processes behind one address`, () => {
    for (const service of stack.stack.services) {
      expect({ service: service.name, instances: service.instances.length }).toEqual({ service: service.name, instances: INSTANCES });
      expect(new Set(service.instances.map((instance) => instance.port)).size).toBe(INSTANCES);
    }
  });

  it('took every dossier to its delivery', () => {
    expect(report.dossiers.filter((d) => !d.delivered).map((d) => `#${d.seq}: ${d.stoppedBecause}`)).toEqual([]);
  });

  it('lost nothing, duplicated nothing, missed no step, dead-lettered nothing; counters equal the driver’s; timeline:verify passes', () => {
    expect(findings(report)).toEqual([]);
    expect(report.audit.deadLetters).toBe(0);
    expect(report.audit.accepted).toBe(DOSSIERS);
  });

  it('shared the work: each instance of a service called over HTTP answered calls, each instance of a consuming service handled events', () => {
    const idle: string[] = [];
    for (const [service, instances] of work) {
      const calledOverHttp = instances.some((i) => i.requests > 0);
      const consumes = instances.some((i) => i.events > 0);
      for (const instance of instances) {
        if (calledOverHttp && instance.requests === 0) idle.push(`${instance.instance} answered no request`);
        if (consumes && instance.events === 0) idle.push(`${instance.instance} handled no event`);
      }
      if (service === 'intake') expect(calledOverHttp).toBe(true);
      if (service === 'tracking') expect(consumes).toBe(true);
    }
    expect(idle).toEqual([]);
  });
});
