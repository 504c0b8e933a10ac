import { collectProcessMetrics } from '@bcci/service-kit';
import { Counter, Gauge, Registry } from 'prom-client';
import type { SignInOutcome } from '../session/staff-sign-in';

/**
 * What operations scrape from the app's server (`/metrics`, the same Prometheus job as the services):
 * the process, the screens listening live, and sign-ins by outcome (a run of refusals is someone guessing).
 */
export class PostOfficeAppMetrics {
  readonly registry = new Registry();

  private readonly signIns = new Counter({
    name: 'staff_sign_ins_total',
    help: 'Staff sign-ins by outcome (signed-in, wrong-credentials, locked)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(liveListeners: () => number) {
    this.registry.setDefaultLabels({ service: 'post-office-app' });
    collectProcessMetrics(this.registry);
    new Gauge({
      name: 'live_listeners',
      help: 'Screens connected to GET /api/live',
      registers: [this.registry],
      collect() {
        this.set(liveListeners());
      },
    });
  }

  countSignIn(outcome: SignInOutcome): void {
    this.signIns.inc({ outcome: outcome.ok ? 'signed-in' : outcome.reason });
  }
}
