import 'reflect-metadata';
import { createServiceDataSource } from '@bcci/persistence';
import { loadCommandConfig } from '../config/tracking-config';
import { createRebuildableProjections } from '../projections/rebuildable-projections';
import { ReferenceData } from '../reference-data/reference-data';
import { TRACKING_ENTITIES } from '../tracking-schema';
import { TimelineReplayer } from './application/timeline-replayer';

const USAGE = `Rebuilds tracking's projections (dossier summaries, clocks, and every projection listed in
src/projections/rebuildable-projections.ts) from the timeline, in one transaction.

  node tools/run-ts.mjs services/tracking/src/timeline/rebuild-projections.cli.ts [--only <name>[,<name>…]] [--database-url <url>]

The service may keep running: live recording waits for the rebuild's lock. Exit codes: 0 done, 1 failed, 2 wrong usage.`;

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let only: string[] | undefined;
  let databaseUrl: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only' && argv[i + 1]) only = argv[++i].split(',');
    else if (argv[i] === '--database-url' && argv[i + 1]) databaseUrl = argv[++i];
    else {
      console.error(USAGE);
      return 2;
    }
  }
  const config = loadCommandConfig(process.env, databaseUrl);
  const all = createRebuildableProjections({ referenceData: ReferenceData.load(config.settings.catalogDir), settings: config.settings });
  const projections = only ? all.filter((projection) => only.includes(projection.name)) : all;
  if (projections.length === 0) {
    console.error(`no projection named ${only?.join(', ')}; known: ${all.map((projection) => projection.name).join(', ')}`);
    return 2;
  }
  const dataSource = await createServiceDataSource({ url: config.databaseUrl, applicationName: 'bcci-tracking-rebuild', entities: TRACKING_ENTITIES, poolSize: 2 }).initialize();
  try {
    console.log(`rebuilding ${projections.map((projection) => projection.name).join(', ')}`);
    const done = await new TimelineReplayer(dataSource).rebuild(projections, { onProgress: (progress) => console.log(`replayed ${progress.entries} entries`) });
    console.log(`done: ${done.entries} entries replayed`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`rebuild-projections failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
