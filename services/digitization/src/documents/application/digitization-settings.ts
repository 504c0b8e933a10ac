/** Settings of the digitization service beyond the common ones (read in config/, injected here). */
export interface DigitizationSettings {
  /** Largest scan accepted, in bytes (413 above). */
  readonly maxScanBytes: number;
  /** Root of the filesystem document store. */
  readonly documentStoreDir: string;
}

export const DIGITIZATION_SETTINGS = Symbol('DigitizationSettings');
