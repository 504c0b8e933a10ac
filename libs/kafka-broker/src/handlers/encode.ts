import { Writer } from '../protocol/writer';

/** Runs a response encoder into a fresh buffer. */
export function encodeBody<T>(encode: (writer: Writer, version: number, response: T) => void, version: number, response: T): Buffer {
  const writer = new Writer(512);
  encode(writer, version, response);
  return writer.toBuffer();
}
