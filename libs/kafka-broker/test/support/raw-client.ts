import * as net from 'node:net';
import { Writer } from '../../src/protocol/writer';

/** A bare TCP client for sending hand-made (and deliberately broken) frames to the broker. */
export class RawClient {
  private buffered = Buffer.alloc(0);
  private waiting: ((frame: Buffer) => void) | null = null;
  closed: Promise<void>;

  private constructor(private readonly socket: net.Socket) {
    this.closed = new Promise((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.deliver();
    });
  }

  static connect(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  private deliver(): void {
    if (!this.waiting || this.buffered.length < 4) return;
    const size = this.buffered.readInt32BE(0);
    if (this.buffered.length < 4 + size) return;
    const frame = this.buffered.subarray(4, 4 + size);
    this.buffered = this.buffered.subarray(4 + size);
    const waiting = this.waiting;
    this.waiting = null;
    waiting(frame);
  }

  /** Sends a request with header v1 and resolves with the response after its correlation id. */
  request(apiKey: number, version: number, body: Buffer, correlationId = 1): Promise<Buffer> {
    const header = new Writer().int16(apiKey).int16(version).int32(correlationId).string('raw-test').toBuffer();
    this.sendRaw(new Writer().int32(header.length + body.length).raw(header).raw(body).toBuffer());
    return new Promise((resolve) => {
      this.waiting = (frame) => resolve(frame.subarray(4));
      this.deliver();
    });
  }

  sendRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  close(): void {
    this.socket.destroy();
  }
}
