/** The gateway's notion of "now"; tests replace it to place a request at a chosen legal moment. */
export class GatewayClock {
  now(): Date {
    return new Date();
  }
}
