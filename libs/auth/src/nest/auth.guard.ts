import { ForbiddenException, Inject, Injectable, Logger, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../role';
import { InvalidTokenError } from '../token/invalid-token.error';
import { TokenVerifier } from '../token/token-verifier';
import { ROLE_FORBIDDEN_BODY, UNAUTHENTICATED_BODY } from './auth-messages';
import { IS_PUBLIC_KEY, ROLES_KEY } from './auth-metadata';
import type { AuthenticatedRequest } from './authenticated-request';

/**
 * Global guard: every route needs a valid token unless marked @Public(); @Roles narrows further.
 * Registered as APP_GUARD by AuthModule.forRoot.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers['authorization'];
    try {
      request.actor = this.verifier.verifyAuthorizationHeader(Array.isArray(header) ? header[0] : header);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      // The reason helps whoever debugs a client; it never reaches the response.
      this.logger.debug(error.message);
      throw new UnauthorizedException({ ...UNAUTHENTICATED_BODY });
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && roles.length > 0 && !roles.includes(request.actor.role)) {
      throw new ForbiddenException({ ...ROLE_FORBIDDEN_BODY });
    }
    return true;
  }
}
