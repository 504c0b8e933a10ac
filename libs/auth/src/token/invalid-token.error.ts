/** A token that is missing, malformed, badly signed, expired, or whose claims do not make an Actor. */
export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`Invalid access token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}
