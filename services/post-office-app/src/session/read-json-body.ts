import type { IncomingMessage } from 'node:http';

export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A small JSON body (the sign-in form), read with a size limit: the server parses nothing else. */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new BodyError(415, 'send the form as application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new BodyError(413, `the body is larger than ${limitBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyError(400, 'the body is not valid JSON');
  }
}
