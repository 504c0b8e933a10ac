import { useState } from 'react';
import { dataOf } from '../api/api-error';
import { useQueue, useStaff } from '../app/staff-context';
import type { LegView } from './courier-views';
import { HandoverRecordPanel } from './HandoverRecordPanel';
import { LegsPanel } from './LegsPanel';
import { ScanRunPanel } from './ScanRunPanel';

/** A page holds all a postal point's travelling legs on a normal day (the service caps a page at 200). */
const LEGS_PAGE = 200;

/**
 * The courier's run (and the clerk's, at a point without a courier): scan the slips into a list,
 * record the list as one scan, see the legs to the agencies, and record the handover record signed there.
 */
export function CourierScreen() {
  const { api } = useStaff();
  const legs = useQueue('courier', async () =>
    dataOf<{ items: LegView[]; total: number }>(await api.forwarding.GET('/legs', { params: { query: { status: 'open', limit: LEGS_PAGE } } })),
  );
  const [codes, setCodes] = useState<readonly string[]>([]);
  const update = (change: (current: readonly string[]) => readonly string[]) => setCodes(change);
  return (
    <div className="columns">
      <div>
        <ScanRunPanel codes={codes} setCodes={update} />
      </div>
      <div>
        <LegsPanel
          legs={legs.data?.items}
          error={legs.error}
          loading={legs.loading}
          inRun={codes}
          onAddToRun={(s10ItemId) => update((current) => (current.includes(s10ItemId) ? current : [...current, s10ItemId]))}
        />
        <HandoverRecordPanel legs={legs.data?.items} />
      </div>
    </div>
  );
}
