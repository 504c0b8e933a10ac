// Lets Node run the project's TypeScript sources directly (CLI, benchmarks, dev stack) with the same SWC
// settings as the tests: `node -r ./tools/register-ts.cjs file.ts`. Production images compile instead.
//
// `npm start` boots every service at once, each loading a few hundred of our files and most of NestJS,
// TypeORM and kafkajs; on a small machine that CPU is most of the time to "BCCI Channel ready". Two
// caches under node_modules/.cache (gone with the next `npm ci`) spare it on every start but the first:
// - SWC's output per source file, keyed by the file's content, its path, the SWC version and .swcrc;
// - Node's own compile cache (V8 code for every module, node_modules included), module.enableCompileCache.
// A cache that cannot be written (read-only checkout) is simply not used.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { enableCompileCache } = require('node:module');
const { transformSync, version: swcVersion } = require('@swc/core');

const root = path.join(__dirname, '..');
const swcrc = fs.readFileSync(path.join(root, '.swcrc'), 'utf8');
const options = JSON.parse(swcrc);
delete options.$schema;
const cacheDir = path.join(root, 'node_modules', '.cache', 'bcci-swc');

enableCompileCache?.(path.join(root, 'node_modules', '.cache', 'bcci-node-compile'));

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  module._compile(compiled(source, filename), filename);
};

function compiled(source, filename) {
  const key = crypto.createHash('sha256').update(`${swcVersion}\0${swcrc}\0${filename}\0${source}`).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // not cached yet
  }
  const code = transform(source, filename);
  try {
    // Written aside, then renamed: a process reading the cache never sees half a file.
    fs.mkdirSync(cacheDir, { recursive: true });
    const partial = `${cached}.${process.pid}`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, cached);
  } catch {
    // no cache then
  }
  return code;
}

function transform(source, filename) {
  return transformSync(source, { ...options, filename, swcrc: false }).code;
}
