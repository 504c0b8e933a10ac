import { createCipheriv, createDecipheriv, createSecretKey, randomFillSync, type KeyObject } from 'node:crypto';
import type { PiiKeyring } from './pii-keyring';

export interface PiiCiphertext {
  readonly keyId: string;
  /** iv (12 bytes) ‖ tag (16 bytes) ‖ ciphertext. */
  readonly data: Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const IVS_PER_DRAW = 256;

/**
 * Random IVs, drawn from the OS 256 at a time: one draw per registration cost intake as much as its
 * cipher. Each IV is handed out once (a GCM IV must never repeat under one key), then the pool is
 * drawn again.
 */
class RandomIvs {
  private pool = Buffer.alloc(0);
  private next = 0;

  take(): Buffer {
    if (this.next + IV_BYTES > this.pool.length) {
      // A new buffer, not a refill: earlier IVs are views of the old one and stay as they were.
      this.pool = randomFillSync(Buffer.allocUnsafe(IV_BYTES * IVS_PER_DRAW));
      this.next = 0;
    }
    const iv = this.pool.subarray(this.next, this.next + IV_BYTES);
    this.next += IV_BYTES;
    return iv;
  }
}

/**
 * AES-256-GCM for personal data at rest. The associated data binds a ciphertext to its row (the dossier
 * id), so a ciphertext copied onto another dossier fails authentication instead of decrypting.
 */
export class PiiCipher {
  // KeyObjects built once per key: a Buffer key is re-imported on every cipher, which costs more than
  // encrypting a dossier's personal data.
  private readonly keys: ReadonlyMap<string, KeyObject>;
  private readonly ivs = new RandomIvs();

  constructor(private readonly keyring: PiiKeyring) {
    this.keys = new Map(keyring.all.map((key) => [key.id, createSecretKey(key.key)]));
  }

  encrypt(plaintext: unknown, associatedData: string): PiiCiphertext {
    const iv = this.ivs.take();
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.keyring.active.id)!, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const body = Buffer.concat([cipher.update(JSON.stringify(plaintext), 'utf8'), cipher.final()]);
    return { keyId: this.keyring.active.id, data: Buffer.concat([iv, cipher.getAuthTag(), body]) };
  }

  decrypt<T>(ciphertext: PiiCiphertext, associatedData: string): T {
    const key = this.keys.get(ciphertext.keyId);
    if (!key) throw new Error(`No personal-data key with id ${ciphertext.keyId} is configured (rotated out too early?)`);
    const iv = ciphertext.data.subarray(0, IV_BYTES);
    const tag = ciphertext.data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(ciphertext.data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  }
}
