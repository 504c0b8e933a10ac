// Lets Node run the project's TypeScript sources directly (CLI, benchmarks, dev stack) with the same SWC
// settings as the tests: `node -r ./tools/register-ts.cjs file.ts`. Production images compile instead.
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const options = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.swcrc'), 'utf8'));
delete options.$schema;

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...options, filename, swcrc: false });
  module._compile(code, filename);
};
