import { generatePostalItemId, type PostalItemId } from '@bcci/kernel';

/**
 * The return leg travels as a new postal item with its own UPU S10 id (the forward item was delivered
 * with the dossier). ASSUMPTION: returns allocates from its own service indicator so its ids never
 * collide with intake's (which uses EB); the postal operator assigns the real indicators and ranges
 * (rows in `postal_item_ranges` take precedence).
 */
export const RETURN_SERVICE_INDICATOR = 'EK';
export const RETURN_RANGE_SIZE = 100_000;

/** The S10 id of a return item: indicator, 8-digit serial, check digit (weights 8 6 4 2 3 5 9 7), VN. */
export function returnItemId(serviceIndicator: string, serial: number): PostalItemId {
  return generatePostalItemId(serviceIndicator, serial, 'VN');
}
