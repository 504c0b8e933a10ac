import 'reflect-metadata';
import { createServiceDataSource } from '@bcci/persistence';
import { loadCommandConfig } from '../config/tracking-config';
import { TRACKING_ENTITIES } from '../tracking-schema';
import { VerifyTimelineChains } from './application/verify-timeline-chains.use-case';
import type { ChainBreak } from './domain/hash-chain';

const USAGE = `Verifies the hash chains of the tracking timeline.

  node tools/run-ts.mjs services/tracking/src/timeline/verify-chain.cli.ts [--dossier <dossier id>] [--database-url <url>]

Without --dossier, every dossier's chain is checked, with progress. The database is DATABASE_URL unless
--database-url is given. Exit codes: 0 every chain verifies, 1 a chain is broken (the first broken entry
of each dossier is printed), 2 wrong usage.`;

const REASONS: Record<ChainBreak['reason'], string> = {
  'sequence-gap': 'an entry is missing before it (sequence gap)',
  'previous-hash-mismatch': 'it does not link to the entry before it (previous hash differs)',
  'hash-mismatch': 'its content was changed (hash differs)',
  'head-mismatch': 'the chain was truncated or extended outside the recorder (head differs)',
  'wrong-dossier': 'it belongs to another dossier',
};

function describe(broken: ChainBreak): string {
  return `BROKEN dossier ${broken.dossierId}: first broken entry #${broken.sequence}${broken.eventId ? ` (event ${broken.eventId})` : ''}: ${REASONS[broken.reason]}`;
}

function parseArguments(argv: string[]): { dossierId?: string; databaseUrl?: string } | undefined {
  const options: { dossierId?: string; databaseUrl?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--dossier' && value) options.dossierId = value;
    else if (argv[i] === '--database-url' && value) options.databaseUrl = value;
    else return undefined;
    i++;
  }
  if (options.dossierId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.dossierId)) return undefined;
  return options;
}

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  if (!options) {
    console.error(USAGE);
    return 2;
  }
  let config;
  try {
    config = loadCommandConfig(process.env, options.databaseUrl);
  } catch (error) {
    console.error(`verify-chain: ${(error as Error).message}`);
    return 2;
  }
  const dataSource = await createServiceDataSource({ url: config.databaseUrl, applicationName: 'bcci-tracking-verify-chain', entities: TRACKING_ENTITIES, poolSize: 2 }).initialize();
  try {
    const verifier = new VerifyTimelineChains(dataSource);
    if (options.dossierId) {
      const check = await verifier.verifyDossier(options.dossierId);
      if (check.entries === 0 && check.ok) {
        console.log(`dossier ${options.dossierId}: no timeline entries`);
        return 0;
      }
      if (!check.ok) {
        console.log(describe(check.firstBreak));
        return 1;
      }
      console.log(`OK dossier ${options.dossierId}: ${check.entries} entries verified`);
      return 0;
    }
    const report = await verifier.verifyAll((progress) =>
      console.log(`checked ${progress.dossiers}/${progress.total} dossiers, ${progress.entries} entries, ${progress.broken} broken`),
    );
    for (const broken of report.broken) console.log(describe(broken));
    console.log(report.broken.length === 0 ? `OK ${report.dossiers} dossiers, ${report.entries} entries verified` : `${report.broken.length} of ${report.dossiers} dossiers have a broken chain`);
    return report.broken.length === 0 ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`verify-chain failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
