import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { E2eStack } from '../support/e2e-stack';

/** One fault the suite inflicts on the running stack. */
export type Fault =
  | { kind: 'kill-service'; service: string }
  | { kind: 'kill-broker' }
  | { kind: 'kill-postgres' }
  | { kind: 'postgres-outage'; seconds: number };

export function describeFault(fault: Fault): string {
  switch (fault.kind) {
    case 'kill-service':
      return `SIGKILL ${fault.service}`;
    case 'kill-broker':
      return 'SIGKILL the Kafka broker';
    case 'kill-postgres':
      return 'SIGKILL PostgreSQL (postmaster)';
    case 'postgres-outage':
      return `PostgreSQL away for ${fault.seconds} s`;
  }
}

/**
 * Inflicts faults on a stack started by the launcher of npm start, which must heal on its own: a killed
 * service, broker or PostgreSQL is restarted by its supervisor; an outage ends when the suite brings
 * PostgreSQL back. Kills go to the real processes (pids from stack.json and postmaster.pid), as an OOM
 * killer or a crash would.
 */
export class FaultInjector {
  constructor(private readonly stack: E2eStack) {}

  async inflict(fault: Fault): Promise<void> {
    switch (fault.kind) {
      case 'kill-service':
        return this.kill(this.servicePid(fault.service), fault.service);
      case 'kill-broker':
        return this.kill(this.stack.stack.brokerPid(), 'the Kafka broker');
      case 'kill-postgres':
        return this.kill(this.postmasterPid(), 'PostgreSQL');
      case 'postgres-outage':
        await this.stack.stack.holdPostgresDown();
        await new Promise((resolve) => setTimeout(resolve, fault.seconds * 1000));
        await this.stack.stack.bringPostgresBack();
        return;
    }
  }

  /** Resolves once every service answers /ready 200 again (the launcher restarted what was killed). */
  async untilHealed(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const notReady: string[] = [];
      for (const [name, url] of Object.entries(this.stack.urls)) {
        const ok = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(3_000) }).then((r) => r.status === 200, () => false);
        if (!ok) notReady.push(name);
      }
      if (notReady.length === 0) return;
      if (Date.now() > deadline) throw new Error(`the stack did not heal within ${Math.round(timeoutMs / 1000)} s: not ready: ${notReady.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  private servicePid(service: string): number | undefined {
    const state = JSON.parse(readFileSync(path.join(this.stack.dataDir, 'stack.json'), 'utf8')) as { services: Array<{ name: string; pid?: number }> };
    return state.services.find((s) => s.name === service)?.pid;
  }

  private postmasterPid(): number | undefined {
    try {
      return Number(readFileSync(path.join(this.stack.dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return undefined;
    }
  }

  private kill(pid: number | undefined, what: string): void {
    if (!pid) throw new Error(`${what} has no running process to kill`);
    process.kill(pid, 'SIGKILL');
  }
}
