/** The part of multer's file object the API uses (memory storage: the bytes are in `buffer`). */
export interface UploadedScan {
  readonly buffer: Buffer;
  readonly originalname: string;
  readonly mimetype: string;
  readonly size: number;
}

export function bytesOf(file: UploadedScan | undefined): Uint8Array | undefined {
  return file ? new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength) : undefined;
}
