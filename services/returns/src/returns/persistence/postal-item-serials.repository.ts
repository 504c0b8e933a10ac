import { PostalItemSerials } from '@bcci/persistence';
import { RETURN_RANGE_SIZE, RETURN_SERVICE_INDICATOR } from '../domain/return-item-id.rule';

/**
 * The serials of return items, drawn from the delivering point's ranges inside the transaction that
 * opens the leg (a rolled-back opening leaves no gap); see PostalItemSerials.
 */
export const returnItemSerials = new PostalItemSerials({
  defaultServiceIndicator: RETURN_SERVICE_INDICATOR,
  blockSize: RETURN_RANGE_SIZE,
  allocationLock: 'bcci.returns.postal_item_ranges',
});
