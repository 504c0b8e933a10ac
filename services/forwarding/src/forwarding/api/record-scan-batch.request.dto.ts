import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';
import { RecordScanRequest } from './record-scan.request.dto';

export const MAX_BATCH_ITEMS = 500;

/** A courier's run: the same scan for many items, named by the S10 ids printed on their slips. */
export class RecordScanBatchRequest extends RecordScanRequest {
  @ApiProperty({ type: [String], example: ['EB123456785VN'], minItems: 1, maxItems: MAX_BATCH_ITEMS })
  @IsArray()
  @ArrayMinSize(1, { context: { messageVi: 'cần ít nhất một số hiệu bưu gửi' } })
  @ArrayMaxSize(MAX_BATCH_ITEMS, { context: { messageVi: `tối đa ${MAX_BATCH_ITEMS} bưu gửi một lần quét` } })
  @Matches(/^[A-Z]{2}\d{9}[A-Z]{2}$/, { each: true, context: { messageVi: 'số hiệu bưu gửi phải theo dạng S10 (ví dụ EB123456785VN)' } })
  s10ItemIds!: string[];
}
