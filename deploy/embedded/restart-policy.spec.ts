import { RestartPolicy, type RestartPolicyOptions } from './restart-policy';

const OPTIONS: RestartPolicyOptions = { initialDelayMs: 1000, maxDelayMs: 30_000, maxCrashes: 5, windowMs: 300_000, stableAfterMs: 60_000 };

function policyAt(options: RestartPolicyOptions = OPTIONS) {
  const clock = { now: 0 };
  const policy = new RestartPolicy(options, () => clock.now);
  return { clock, policy };
}

describe('RestartPolicy', () => {
  it('doubles the delay from 1 s at each crash in a row, capped at 30 s', () => {
    const { clock, policy } = policyAt({ ...OPTIONS, maxCrashes: 10, windowMs: 10_000_000 });
    policy.ready();
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      clock.now += 1000;
      const decision = policy.crashed();
      if (decision.action !== 'restart') throw new Error(`gave up at crash ${i + 1}`);
      expect(decision.restart).toBe(i + 1);
      delays.push(decision.delayMs);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('gives up at the crash after maxCrashes within the window', () => {
    const { clock, policy } = policyAt();
    for (let i = 0; i < 5; i++) {
      clock.now += 10_000;
      expect(policy.crashed().action).toBe('restart');
    }
    clock.now += 10_000;
    expect(policy.crashed()).toEqual({ action: 'give-up', crashes: 6, windowMs: 300_000 });
  });

  it('forgets crashes older than the window', () => {
    const { clock, policy } = policyAt();
    for (let i = 0; i < 5; i++) {
      clock.now += 10_000;
      policy.crashed();
    }
    clock.now += 300_000; // the first five are out of the window now
    expect(policy.crashed()).toEqual({ action: 'restart', delayMs: 1000, restart: 1 });
  });

  it('starts afresh once the process stayed ready for stableAfterMs', () => {
    const { clock, policy } = policyAt();
    for (let i = 0; i < 4; i++) {
      clock.now += 1000;
      policy.crashed();
    }
    policy.ready();
    clock.now += 60_000;
    expect(policy.crashed()).toEqual({ action: 'restart', delayMs: 1000, restart: 1 });
  });

  it('keeps counting when the process was ready only briefly', () => {
    const { clock, policy } = policyAt();
    clock.now += 1000;
    policy.crashed();
    policy.ready();
    clock.now += 59_999;
    expect(policy.crashed()).toEqual({ action: 'restart', delayMs: 2000, restart: 2 });
  });
});
