import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TokenVerifier, type TokenVerifierOptions } from '../token/token-verifier';
import { AuthGuard } from './auth.guard';

/**
 * Registers the TokenVerifier and the global AuthGuard. The service kit imports it with the key from
 * the service's configuration; a service never configures it itself.
 */
@Module({})
export class AuthModule {
  static forRoot(options: TokenVerifierOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: TokenVerifier, useValue: new TokenVerifier(options) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
