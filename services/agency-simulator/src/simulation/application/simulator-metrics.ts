import { Counter, type Registry } from 'prom-client';

/** The simulator's own metrics, on the service's registry (/metrics). */
export class SimulatorMetrics {
  readonly commandsDecided: Counter<'kind' | 'mode'>;
  readonly gatewayCalls: Counter<'kind' | 'outcome'>;

  constructor(registry: Registry) {
    this.commandsDecided = new Counter({
      name: 'simulator_commands_total',
      help: 'Commands the simulated agencies decided to send, by kind and mode',
      labelNames: ['kind', 'mode'] as const,
      registers: [registry],
    });
    this.gatewayCalls = new Counter({
      name: 'simulator_gateway_calls_total',
      help: 'HTTP calls to the agency gateway (http mode), by kind and outcome (accepted, refused, unavailable)',
      labelNames: ['kind', 'outcome'] as const,
      registers: [registry],
    });
  }
}
