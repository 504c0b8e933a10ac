// Which optional dependencies declared in a package-lock.json (v3) have no locked entry: the packages that
// make `npm ci` refuse the lockfile as "out of sync" on a clean clone (npm/cli#8669).
'use strict';

/** Where Node would find `name` from the package at `from` (a lockfile key): its own node_modules, then each parent's. */
function resolvedKey(packages, from, name) {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (base === '') return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent >= 0 ? base.slice(0, parent) : '';
  }
}

/** `name@range (optional dependency of key)` for each declared optional package the lockfile lacks. */
function missingOptionalPackages(lockfile) {
  const packages = lockfile.packages ?? {};
  const missing = [];
  for (const [key, entry] of Object.entries(packages)) {
    if (entry.link) continue; // a workspace link: its target's own entry is checked
    for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
      if (!resolvedKey(packages, key, name)) missing.push(`${name}@${range} (optional dependency of ${key || 'the root package'})`);
    }
  }
  return missing.sort();
}

module.exports = { missingOptionalPackages };
