/**
 * Intake's 400 answer lists each bad field (`details: [{ field, messageVi }]`); the counter shows each
 * message next to its field. Components are sent as an array, so 'components[1].count' is mapped back to
 * the checklist line it was ('component.TP3'), the key the form uses.
 */
export function serverFieldErrors(body: unknown, componentCodes: readonly string[]): Record<string, string> {
  const details = (body as { details?: unknown } | undefined)?.details;
  if (!Array.isArray(details)) return {};
  const errors: Record<string, string> = {};
  for (const detail of details as { field?: unknown; messageVi?: unknown; message?: unknown }[]) {
    if (typeof detail.field !== 'string') continue;
    const message = String(detail.messageVi ?? detail.message ?? '');
    const component = /^components\[(\d+)\]/.exec(detail.field);
    const code = component ? componentCodes[Number(component[1])] : undefined;
    errors[code ? `component.${code}` : detail.field] = message;
  }
  return errors;
}
