// The one door from the end-to-end suites and the benchmark to the launcher of `npm start`: they start
// the stack with the same function, so what they test is what a developer runs.
// deploy/embedded is not an Nx project (deploy/ holds no workspace package), so the boundary rule cannot
// tell what it is; it imports only libs and contracts, which keeps the rule's intent.
/* eslint-disable @nx/enforce-module-boundaries */
export { startStack as startLauncherStack, discoverServices, SILENT_REPORTER, type RunningStack, type StackReporter } from '../../deploy/embedded/start-stack';
export { stackOptionsFromEnvironment, REPOSITORY_ROOT, type StackOptions } from '../../deploy/embedded/stack-options';
export { devTokensForEveryRole } from '../../deploy/embedded/dev-tokens';
export { DevSecrets } from '../../deploy/embedded/dev-secrets';
export { runningStack } from '../../deploy/embedded/stack-state';
/* eslint-enable @nx/enforce-module-boundaries */
