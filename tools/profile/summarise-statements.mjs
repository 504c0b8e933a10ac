#!/usr/bin/env node
/**
 * Summarises what count-statements.cjs wrote: per process, statements executed, round trips to
 * PostgreSQL and transactions (COMMIT) per dossier and the most frequent statements sent as queries,
 * its transactions by shape, then the Kafka requests per dossier by API.
 *   node tools/profile/summarise-statements.mjs /tmp/sql --per 150 [--top 12]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [directory] = process.argv.slice(2);
const option = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const per = option('--per', 1);
const top = option('--top', 12);
if (!directory) {
  console.error('usage: summarise-statements.mjs <directory> --per <journeys> [--top N]');
  process.exit(2);
}
const perDossier = (count) => (count / per).toFixed(1).padStart(7);
let everyRoundTrip = 0;
let everyExecuted = 0;
for (const file of readdirSync(directory).filter((name) => name.endsWith('.json')).sort()) {
  const all = Object.entries(JSON.parse(readFileSync(path.join(directory, file), 'utf8'))).sort((a, b) => b[1] - a[1]);
  const kafka = all.filter(([key]) => key.startsWith('kafka '));
  const roundTrips = all.find(([key]) => key === 'pg round trips')?.[1] ?? 0;
  const executed = all.find(([key]) => key === 'pg statements executed')?.[1] ?? 0;
  const counts = all.filter(([key]) => !key.startsWith('kafka ') && !key.startsWith('pg '));
  const total = counts.reduce((sum, [, count]) => sum + count, 0);
  if (kafka.length > 0) console.log(`\n${file}: Kafka requests per dossier: ${kafka.map(([key, count]) => `${key.slice(6)} ${perDossier(count).trim()}`).join(', ')}`);
  if (total === 0) continue;
  const commits = counts.filter(([text]) => /^commit$/i.test(text)).reduce((sum, [, count]) => sum + count, 0);
  everyRoundTrip += roundTrips;
  everyExecuted += executed;
  console.log(`\n${file}: ${perDossier(executed)} statements executed (${perDossier(total).trim()} sent as queries, below), ${perDossier(commits)} COMMIT, ${perDossier(roundTrips)} round trips to PostgreSQL per dossier`);
  for (const [text, count] of counts.slice(0, top)) console.log(`  ${perDossier(count)}  ${text.slice(0, 160)}`);
  const transactions = all.filter(([key]) => key.startsWith('pg transaction: '));
  if (transactions.length > 0) console.log(`  transactions by shape (statements sent as queries, one round trip each):`);
  for (const [shape, count] of transactions.slice(0, top)) console.log(`  ${perDossier(count)}  ${shape.slice('pg transaction: '.length, 400)}`);
}
console.log(`\nevery process: ${perDossier(everyExecuted)} statements executed, ${perDossier(everyRoundTrip)} round trips to PostgreSQL per dossier`);
