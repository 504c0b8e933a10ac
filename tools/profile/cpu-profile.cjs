/**
 * Preload that samples a Node process's CPU and writes a .cpuprofile when the process exits, or on
 * SIGWINCH (a signal Nest does not treat as shutdown). `--cpu-prof` is not allowed in NODE_OPTIONS,
 * a preload is:
 *   CPU_PROFILE_DIR=/tmp/prof NODE_OPTIONS="--require $PWD/tools/profile/cpu-profile.cjs" npm run bench -- …
 * The launcher passes NODE_OPTIONS and CPU_PROFILE_DIR to every service (it keeps BCCI_* variables to itself). Summarise with tools/profile/summarise-profiles.mjs.
 */
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const directory = process.env.CPU_PROFILE_DIR;
if (directory) {
  fs.mkdirSync(directory, { recursive: true });
  const session = new inspector.Session();
  session.connect();
  const intervalMicroseconds = Number(process.env.CPU_PROFILE_INTERVAL_US ?? 500);
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: intervalMicroseconds });
  session.post('Profiler.start');
  const entry = process.argv[1] ?? 'node';
  // services/<name>/src/main.ts names the service; anything else (the launcher, the bench) its script.
  const label = (/services\/([^/]+)\//.exec(entry)?.[1] ?? path.basename(entry)).replace(/[^\w.-]/g, '_');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // An in-process session answers synchronously, so this works inside an 'exit' listener too.
    session.post('Profiler.stop', (error, result) => {
      if (error || !result) return;
      fs.writeFileSync(path.join(directory, `${label}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on('SIGWINCH', write);
  process.on('exit', write);
  // Nest's shutdown hooks end by re-sending the signal to the process, which then dies without 'exit'.
  process.on('SIGTERM', () => {
    write();
    if (process.listenerCount('SIGTERM') === 1) process.exit(143);
  });
}
