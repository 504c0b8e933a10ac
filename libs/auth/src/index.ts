// @bcci/auth: access tokens, roles and scopes (architecture.md §3).
export { ROLES, ROLE_SCOPE, isRole, type Role, type ScopeKind } from './role';
export type { Actor } from './actor';
// Tokens
export { TOKEN_ISSUER, TOKEN_AUDIENCE, TOKEN_CLOCK_TOLERANCE_SECONDS, type AccessTokenClaims } from './token/token-claims';
export { InvalidTokenError } from './token/invalid-token.error';
export { claimsToActor } from './token/claims-to-actor';
export { TokenVerifier, type TokenVerifierOptions } from './token/token-verifier';
export { issueDevToken, DEV_JWT_SECRET, type DevTokenRequest } from './token/issue-dev-token';
// Scopes (pure; throw the kernel's ForbiddenError)
export {
  assertPostalPointScope,
  assertAgencyScope,
  assertProvinceScope,
  canAccessPostalPoint,
  canAccessAgency,
  type ScopeContext,
} from './scope/scope-assertions';
// NestJS
export { AuthModule } from './nest/auth.module';
export { AuthGuard } from './nest/auth.guard';
export { Public, Roles, IS_PUBLIC_KEY, ROLES_KEY } from './nest/auth-metadata';
export { CurrentActor } from './nest/current-actor.decorator';
export { UNAUTHENTICATED_BODY, ROLE_FORBIDDEN_BODY } from './nest/auth-messages';
export type { AuthenticatedRequest } from './nest/authenticated-request';
