import { Histogram, type Registry } from 'prom-client';

/**
 * `intake_registrations_per_transaction`: how many registrations each transaction wrote. Near 1 on a
 * quiet day; under load it shows the group commit at work (and a batch that fell back to one by one
 * shows up as many transactions of 1).
 */
export class RegistrationMetrics {
  private readonly perTransaction: Histogram;

  constructor(registry: Registry) {
    const name = 'intake_registrations_per_transaction';
    this.perTransaction =
      (registry.getSingleMetric(name) as Histogram | undefined) ??
      new Histogram({
        name,
        help: 'Registrations written by one database transaction (group commit)',
        buckets: [1, 2, 4, 8, 16, 32, 64],
        registers: [registry],
      });
  }

  transactionWritten(registrations: number): void {
    this.perTransaction.observe(registrations);
  }
}
