/**
 * A bounded wait in a test: checks `condition` every 20 ms until it holds, and fails after `timeoutMs`
 * with what it waited for, so a stuck test says why instead of running into Jest's own limit.
 */
export async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
