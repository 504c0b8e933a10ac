import { createHash } from 'node:crypto';

/**
 * The command id of one step of one dossier: a UUID (version 5 layout, SHA-256) derived from the dossier
 * id and the step, so a restarted simulator that sends a step again sends the same id and the gateway
 * applies it once.
 */
export function commandIdFor(dossierId: string, step: string): string {
  const hex = createHash('sha256').update(`bcci-agency-simulator:${dossierId}:${step}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
