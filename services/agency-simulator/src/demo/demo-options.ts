/** `npm run demo -- --dossiers 20 --rate 2 --timeout 180`. */
export interface DemoOptions {
  dossiers: number;
  /** Registrations started per second. */
  rate: number;
  /** Longest wait for any one stage of one dossier, in seconds. */
  timeoutSeconds: number;
  help: boolean;
}

export const DEMO_USAGE = `Usage: npm run demo -- [--dossiers N] [--rate PER_SECOND] [--timeout SECONDS]
Drives realistic traffic through a running stack (npm start in another terminal):
registrations at several postal points, digitization, courier scans and handover records,
the agency simulator's decisions, and the return of results by post.
  --dossiers N        dossiers to register (default 12, at most 10000)
  --rate R            registrations per second (default 2)
  --timeout SECONDS   longest wait for one stage of one dossier (default 120)`;

export class DemoUsageError extends Error {}

export function parseDemoOptions(argv: readonly string[]): DemoOptions {
  const options: DemoOptions = { dossiers: 12, rate: 2, timeoutSeconds: 120, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new DemoUsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--dossiers':
        options.dossiers = positive(name, value(), { integer: true, max: 10_000 });
        break;
      case '--rate':
        options.rate = positive(name, value(), { integer: false, max: 1_000 });
        break;
      case '--timeout':
        options.timeoutSeconds = positive(name, value(), { integer: true, max: 3_600 });
        break;
      default:
        throw new DemoUsageError(`unknown option ${arg}`);
    }
  }
  return options;
}

function positive(name: string, raw: string, rule: { integer: boolean; max: number }): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > rule.max || (rule.integer && !Number.isInteger(value))) {
    throw new DemoUsageError(`${name} must be a ${rule.integer ? 'whole ' : ''}number above 0 and at most ${rule.max}, got "${raw}"`);
  }
  return value;
}
