import type { BenchHttpClient } from '../http-client';

export interface TransactionCount {
  transactions: number;
  registrations: number;
}

/**
 * Intake's `intake_registrations_per_transaction` histogram (count and sum), read from its /metrics:
 * a phase reads it before and after to report how many registrations each transaction wrote.
 */
export async function readRegistrationTransactions(http: BenchHttpClient, intakeUrl: string): Promise<TransactionCount | undefined> {
  const answer = await http.getJson(`${intakeUrl}/metrics`, {});
  // Prometheus text is not JSON: the client hands it back as the text it is.
  if (answer.status !== 200 || typeof answer.body !== 'string') return undefined;
  const text = answer.body;
  const read = (suffix: string) => Number(new RegExp(`^intake_registrations_per_transaction_${suffix}(?:\\{[^}]*\\})? ([0-9.e+]+)`, 'm').exec(text)?.[1] ?? 0);
  return { transactions: read('count'), registrations: read('sum') };
}

export function describeTransactions(before: TransactionCount | undefined, after: TransactionCount | undefined): string {
  if (!before || !after) return 'not available (intake /metrics did not answer)';
  const transactions = after.transactions - before.transactions;
  const registrations = after.registrations - before.registrations;
  return `${transactions} for ${registrations} registrations (${transactions > 0 ? (registrations / transactions).toFixed(1) : '–'} per transaction)`;
}
