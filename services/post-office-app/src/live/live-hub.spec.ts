import { PassThrough } from 'node:stream';
import type { ServerResponse } from 'node:http';
import { LiveHub } from './live-hub';
import { queuesChangedBy } from './queue-notice';

/** A stand-in for the browser's response: what the hub writes, as text. */
function browser() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const response = Object.assign(stream, { writeHead: () => response }) as unknown as ServerResponse;
  return { response, notices: () => text.split('\n\n').filter((block) => block.startsWith('event: queues')).map((block) => JSON.parse(block.split('data: ')[1]!)) };
}

describe('live queue notices', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('tells only the postal point a dossier belongs to, once per burst, and names no dossier', () => {
    const hub = new LiveHub(() => new Date('2026-12-07T02:00:00Z'));
    const here = browser();
    const elsewhere = browser();
    hub.listen(here.response, '33100');
    hub.listen(elsewhere.response, '31000');
    hub.publish({ type: 'bcci.intake.dossier-registered.v1', subject: 'd-1', data: { intakeSite: { postalCode: '33100' } } });
    hub.publish({ type: 'bcci.digitization.component-digitized.v1', subject: 'd-1', data: {} });
    jest.advanceTimersByTime(300);
    expect(here.notices()).toEqual([{ queues: ['counter', 'digitization'], at: '2026-12-07T02:00:00.000Z' }]);
    expect(elsewhere.notices()).toEqual([]);
    hub.close();
  });

  it("tells every point about a dossier whose point it does not know (the notice carries no data)", () => {
    const hub = new LiveHub();
    const listener = browser();
    hub.listen(listener.response, '31000');
    hub.publish({ type: 'bcci.returns.delivery-attempted.v1', subject: 'unknown', data: {} });
    jest.advanceTimersByTime(300);
    expect(listener.notices().map((notice) => notice.queues)).toEqual([['returns']]);
    hub.close();
  });

  it('maps the journey events to the queues that show them', () => {
    expect(queuesChangedBy('bcci.forwarding.courier-scanned.v1')).toEqual(['courier']);
    expect(queuesChangedBy('bcci.agency-gateway.supplement-requested.v1')).toEqual(['counter']);
    expect(queuesChangedBy('bcci.tracking.denominator-totals-imported.v1')).toEqual([]);
  });
});
