import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Actor } from '../actor';
import { claimsToActor } from './claims-to-actor';
import { InvalidTokenError } from './invalid-token.error';
import { TOKEN_AUDIENCE, TOKEN_CLOCK_TOLERANCE_SECONDS, TOKEN_ISSUER } from './token-claims';

/** Exactly one key: the development issuer's HS256 secret, or a production identity provider's RS256 public key. */
export type TokenVerifierOptions =
  | { readonly secret: string; readonly publicKey?: undefined }
  | { readonly publicKey: string; readonly secret?: undefined };

/** Tokens remembered after a successful verification (a counter's clerk sends the same one all day). */
const VERIFIED_CACHE_SIZE = 2_000;

/** Verifies access tokens and turns them into Actors. One instance per service. */
export class TokenVerifier {
  // A token verified once is remembered until it expires: its signature cannot change, and verifying it
  // again on every request cost a busy counter service a few percent of its CPU. Bounded, oldest first out.
  private readonly verified = new Map<string, { actor: Actor; expiresAtMs: number }>();
  // A KeyObject built once: given a string, jsonwebtoken parses it into a key on every verify (it tries
  // it as a PEM public key first), which cost more CPU per request than the HMAC itself.
  private readonly key: KeyObject;
  private readonly algorithm: 'HS256' | 'RS256';

  constructor(options: TokenVerifierOptions) {
    if (options.secret && options.publicKey) throw new Error('TokenVerifier: give a secret or a public key, not both');
    if (options.publicKey) {
      this.key = createPublicKey(options.publicKey);
      this.algorithm = 'RS256';
    } else if (options.secret) {
      this.key = createSecretKey(Buffer.from(options.secret, 'utf8'));
      this.algorithm = 'HS256';
    } else {
      throw new Error('TokenVerifier: a secret (HS256) or a public key (RS256) is required');
    }
  }

  /** The Actor of a raw token; throws InvalidTokenError for anything short of a valid, scoped token. */
  verify(token: string): Actor {
    const remembered = this.verified.get(token);
    if (remembered && Date.now() < remembered.expiresAtMs) return remembered.actor;
    if (remembered) this.verified.delete(token);
    let payload: string | jwt.JwtPayload;
    try {
      // The algorithm list is pinned so a token cannot choose "none" or switch HS/RS (key confusion).
      payload = jwt.verify(token, this.key, {
        algorithms: [this.algorithm],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        clockTolerance: TOKEN_CLOCK_TOLERANCE_SECONDS,
      });
    } catch (error) {
      throw new InvalidTokenError(error instanceof Error ? error.message : String(error));
    }
    if (typeof payload === 'string') throw new InvalidTokenError('payload is not a JSON object');
    if (payload.exp === undefined) throw new InvalidTokenError('claim "exp" is missing');
    const actor = Object.freeze(claimsToActor(payload as Record<string, unknown>));
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { actor, expiresAtMs: (payload.exp + TOKEN_CLOCK_TOLERANCE_SECONDS) * 1000 });
    return actor;
  }

  /** The Actor of an `Authorization` header value (`Bearer <token>`). */
  verifyAuthorizationHeader(header: string | undefined): Actor {
    if (!header) throw new InvalidTokenError('no Authorization header');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new InvalidTokenError('Authorization header is not "Bearer <token>"');
    return this.verify(match[1]!);
  }
}
