/**
 * Thrown (or extended) by a handler when retrying cannot help, e.g. the event refers to something
 * that can never exist. The message goes to the dead-letter topic at once.
 */
export class NonRetriableError extends Error {
  override name = 'NonRetriableError';
}

/** The event is not what its schema promises; raised by the consumer before calling the handler. */
export class EventValidationError extends NonRetriableError {
  override name = 'EventValidationError';
}

/**
 * Thrown by a handler when something it needs (an HTTP service, a file store) is unreachable. The
 * consumer keeps the message and waits for the dependency as it does for the database, however long
 * that takes: an unavailable dependency is not a poison message.
 */
export class DependencyUnavailableError extends Error {
  override name = 'DependencyUnavailableError';
}

/** One line for logs and dead-letter headers: name and message, at most 1000 characters. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 1000);
  return String(error).slice(0, 1000);
}
