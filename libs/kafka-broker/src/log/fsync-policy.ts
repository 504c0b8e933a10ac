/**
 * When appended data is forced to disk. `always`: before a produce is acknowledged (survives power loss);
 * `interval`: every `fsyncIntervalMs` (survives a process crash at once, power loss within the interval);
 * `never`: left to the OS (survives a process crash, not power loss). Written data always reaches the OS
 * before the acknowledgement, so a SIGKILL never loses an acknowledged message under any policy.
 */
export type FsyncPolicy = 'always' | 'interval' | 'never';

export const FSYNC_POLICIES: readonly FsyncPolicy[] = ['always', 'interval', 'never'];
