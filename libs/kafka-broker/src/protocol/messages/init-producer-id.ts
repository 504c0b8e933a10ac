import { Reader } from '../reader';
import { Writer } from '../writer';

/** InitProducerId v0–1 (Apache Kafka InitProducerIdRequest.json / InitProducerIdResponse.json; flexible from v2). */
export interface InitProducerIdRequest {
  /** null for an idempotent, non-transactional producer. */
  transactionalId: string | null;
  transactionTimeoutMs: number;
}

export interface InitProducerIdResponse {
  throttleTimeMs: number;
  errorCode: number;
  producerId: number;
  producerEpoch: number;
}

export function decodeInitProducerIdRequest(reader: Reader, _version: number): InitProducerIdRequest {
  return { transactionalId: reader.nullableString(), transactionTimeoutMs: reader.int32() };
}

export function encodeInitProducerIdResponse(writer: Writer, _version: number, response: InitProducerIdResponse): void {
  writer.int32(response.throttleTimeMs).int16(response.errorCode).int64(response.producerId).int16(response.producerEpoch);
}
