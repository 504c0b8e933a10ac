/**
 * `npm run token -- --role clerk --postal-code 33100`: a development access token signed with the
 * secret of the embedded stack (`.data/dev-secrets.json`), so the running services accept it. An
 * explicit `--secret` or AUTH_JWT_SECRET wins (e.g. a stack started with another data directory).
 * Arguments and output are those of @bcci/auth's issue-dev-token command.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DEV_SECRETS_FILE, DevSecrets } from './dev-secrets';
import { stackOptionsFromEnvironment } from './stack-options';

const explicit = process.argv.includes('--secret') || Boolean(process.env.AUTH_JWT_SECRET);
const wantsHelp = process.argv.includes('--help');
if (!explicit && !wantsHelp) {
  const { dataDir } = stackOptionsFromEnvironment({ BCCI_DATA_DIR: process.env.BCCI_DATA_DIR });
  if (!existsSync(path.join(dataDir, DEV_SECRETS_FILE))) {
    console.error(`no ${path.join(dataDir, DEV_SECRETS_FILE)} yet: run \`npm start\` once (it creates the stack's signing secret), or pass --secret`);
    process.exit(2);
  }
  process.env.AUTH_JWT_SECRET = DevSecrets.open(dataDir).authJwtSecret();
}
// The library's command reads AUTH_JWT_SECRET and the arguments when it is loaded, so it is loaded now,
// after the secret is in place (a static import would run first).
createRequire(__filename)('../../libs/auth/src/cli/issue-dev-token.cli.ts');
