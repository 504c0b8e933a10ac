import type { E2eStack } from '../support/e2e-stack';
import { call, type HttpAnswer, type JsonBody } from '../support/journey-http';

export interface Resilience {
  /** How long a step keeps trying while what it needs is down (a service restarting, PostgreSQL away). */
  retryForMs: number;
  /** Told of every retry, for the run's log. */
  onRetry(what: string, reason: string): void;
}

export interface StepAnswer<T = JsonBody> {
  body: T;
  /**
   * A retry was answered 409: the first attempt was carried out after all and only its answer was lost
   * with the crash (a step without an Idempotency-Key replay).
   */
  doneBeforeTheCrash: boolean;
}

export class StepRefused extends Error {
  constructor(readonly answer: HttpAnswer, what: string) {
    super(`${what} answered ${answer.status}: ${answer.text.slice(0, 600)}`);
    this.name = 'StepRefused';
  }
}

/**
 * One step of a journey sent as a clerk, operator or courier sends it through a flaky day: no answer,
 * a 5xx or a 503 (the service or its database is down or restarting) are sent again, with the same
 * Idempotency-Key, until `retryForMs` runs out; any other answer outside `expected` is a refusal.
 */
export async function sendStep<T = JsonBody>(
  stack: E2eStack,
  service: string,
  method: 'POST' | 'PUT',
  path: string,
  options: { token: string; body?: unknown; idempotencyKey: string },
  expected: number[],
  resilience: Resilience,
): Promise<StepAnswer<T>> {
  const what = `${method} ${service}${path}`;
  const deadline = Date.now() + resilience.retryForMs;
  let delayMs = 250;
  for (let attempt = 1; ; attempt++) {
    let answer: HttpAnswer<T> | undefined;
    let outage: string;
    try {
      // Each attempt sends a copy of a form of its own.
      const body = options.body instanceof FormData ? copyForm(options.body) : options.body;
      answer = await call<T>(stack, service, method, path, { token: options.token, body, headers: { 'idempotency-key': options.idempotencyKey } });
      if (expected.includes(answer.status)) return { body: answer.body, doneBeforeTheCrash: false };
      if (answer.status === 409 && attempt > 1) return { body: answer.body, doneBeforeTheCrash: true };
      if (answer.status < 500) throw new StepRefused(answer, what);
      outage = `${answer.status} ${answer.text.slice(0, 160)}`;
    } catch (error) {
      if (error instanceof StepRefused) throw error;
      outage = (error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${what}: still failing after ${Math.round(resilience.retryForMs / 1000)} s (last: ${outage})`);
    resilience.onRetry(what, outage);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    delayMs = Math.min(2_000, delayMs * 2);
  }
}

function copyForm(form: FormData): FormData {
  const copy = new FormData();
  for (const [name, value] of form.entries()) copy.append(name, value);
  return copy;
}
