import { readFileSync } from 'node:fs';
import path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { missingOptionalPackages } = require('./lockfile-platforms.cjs') as typeof import('./lockfile-platforms.cjs');

// `npm ci` refuses a lockfile that lacks an optional package a dependency declares (another platform's
// native binary, e.g. @swc/core-darwin-arm64): npm 11 leaves those out when it updates a lockfile in place
// (npm/cli#8669). This keeps the README's `npm ci` working on every platform, not only the last one to lock.
describe('package-lock.json', () => {
  const lockfile = JSON.parse(readFileSync(path.join(__dirname, '..', 'package-lock.json'), 'utf8'));

  it("records every platform's optional package that a locked dependency declares, so npm ci accepts it anywhere", () => {
    expect(missingOptionalPackages(lockfile)).toEqual([]);
  });

  it('notices a platform package left out of the lock, naming who declares it', () => {
    const trimmed = { packages: { ...lockfile.packages } };
    delete trimmed.packages['node_modules/@swc/core-darwin-arm64'];
    expect(missingOptionalPackages(trimmed)).toEqual(['@swc/core-darwin-arm64@1.16.22 (optional dependency of node_modules/@swc/core)']);
  });
});
