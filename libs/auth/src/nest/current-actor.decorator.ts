import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '../actor';
import type { AuthenticatedRequest } from './authenticated-request';

/** The authenticated Actor of the request (undefined only on @Public routes). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor | undefined => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
});
