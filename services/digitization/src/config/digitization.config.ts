import { envInt, envString, type ExtraConfigSpec } from '@bcci/service-kit';

/** 20 MB: a multi-page A4 scan at 300 dpi fits; anything larger is almost always a wrong scanner setting. */
export const DEFAULT_SCAN_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The digitization service's own variables (beyond architecture.md §3's common ones), validated at start:
 * - DOCUMENT_STORE_DIR: root of the content-addressed document store (default `.data/documents`);
 * - SCAN_MAX_BYTES: largest scan accepted, in bytes (default 20 MB; 413 above).
 */
export const digitizationConfig = {
  DOCUMENT_STORE_DIR: envString({ default: '.data/documents' }),
  SCAN_MAX_BYTES: envInt({ default: DEFAULT_SCAN_MAX_BYTES, min: 1024, max: 512 * 1024 * 1024 }),
} satisfies ExtraConfigSpec;

export interface DigitizationExtraConfig {
  DOCUMENT_STORE_DIR: string;
  SCAN_MAX_BYTES: number;
}
