import { SetMetadata } from '@nestjs/common';
import type { Role } from '../role';

export const IS_PUBLIC_KEY = 'bcci:auth:public';
export const ROLES_KEY = 'bcci:auth:roles';

/** Skips the token check (health, docs, public lookup). On a controller or a handler. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/** Only these roles may call (403 otherwise). A handler's list replaces its controller's. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
