/**
 * The default port given to bootstrapService, so that ServiceKitModule's SERVICE_CONFIG (built inside
 * Nest, from the same environment) reports the same port without every service repeating it.
 */
let defaultPort: number | undefined;

export function rememberDefaultPort(port: number): void {
  defaultPort = port;
}

export function bootstrapDefaultPort(): number | undefined {
  return defaultPort;
}
