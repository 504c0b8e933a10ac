import { useStaff } from '../app/staff-context';
import type { OutboxItem } from '../outbox/outbox-item';

/**
 * The outbox item as it stands now: an action that waited offline is sent later by the outbox, and
 * the screen follows it there instead of showing "waiting" for ever.
 */
export function useFollowedItem(submitted: OutboxItem | undefined): OutboxItem | undefined {
  const { outboxItems } = useStaff();
  if (!submitted) return undefined;
  return outboxItems.find((item) => item.id === submitted.id) ?? submitted;
}
