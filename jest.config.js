// Three tiers (architecture.md §5): unit next to the code, integration against the real PostgreSQL and
// the project's broker, end to end across processes. NestJS 12 ships ESM only, so @nestjs is transformed.
const fs = require('node:fs');
const path = require('node:path');
const { applyTestClock } = require('./tools/test-clock.cjs');

// BCCI_TEST_NOW=2026-12-05T16:30 runs every tier as if it were then: the offset is fixed here, once, in the
// process that forks the workers, so the workers and the services they start share one "now".
const testsStartAt = applyTestClock(process.env);
if (testsStartAt && !process.env.JEST_WORKER_ID) console.log(`(clock) tests run as if it were ${testsStartAt.toISOString()} (BCCI_TEST_NOW)`);

const swcConfig = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcConfig.$schema;

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', swcConfig] },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  rootDir: __dirname,
  moduleNameMapper: {
    '^@bcci/contracts$': '<rootDir>/contracts/src/index.ts',
    '^@bcci/(.*)$': '<rootDir>/libs/$1/src/index.ts',
  },
  modulePathIgnorePatterns: ['<rootDir>/.data/', '/dist/'],
};

module.exports = {
  // testTimeout is global in Jest (projects ignore it): integration and e2e suites start real processes.
  testTimeout: 120000,
  // A worker whose heap passed this after a test file is replaced by a fresh one. Without it the integration
  // workers ended the run at about 1 GB of heap, and a process that large takes more than Jest's 500 ms to
  // terminate on this machine (measured: 24 ms at 8 MB, 200 ms at 770 MB), so Jest killed them and printed
  // "A worker process has failed to exit gracefully" although nothing leaked. Whole run: same time.
  workerIdleMemoryLimit: '512MB',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,contracts,tools,deploy}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services,contracts,deploy}/**/*.int-spec.ts'],
      // One PostgreSQL and one broker for the whole run; each test file gets its own database and topics.
      globalSetup: '<rootDir>/libs/persistence/src/testing/global-setup.ts',
      globalTeardown: '<rootDir>/libs/persistence/src/testing/global-teardown.ts',
    },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/tests/**/*.e2e-spec.ts'] },
  ],
};
