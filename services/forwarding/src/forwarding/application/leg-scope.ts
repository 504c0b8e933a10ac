import { assertPostalPointScope, type Actor } from '@bcci/auth';
import type { PostalLegOrmEntity } from '../persistence/postal-leg.orm-entity';

/**
 * Couriers and clerks act on the legs leaving their own postal point; operations on the legs of their
 * province; auditors everywhere. Agencies never act on the postal leg.
 */
export function assertMayActOnLeg(actor: Actor, leg: PostalLegOrmEntity): void {
  assertPostalPointScope(actor, leg.originPostalCode, leg.originProvinceCode ? { provinceCode: leg.originProvinceCode } : undefined);
}
