import { events, isEventName, type EventMessage } from '@shared/api';

/**
 * Validate an event as it arrives from any transport: a known name and a payload matching the contract.
 * Anything else is dropped rather than trusted (validate at the wire).
 */
export function parseEventMessage(raw: unknown): EventMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { name, payload } = raw as { name?: unknown; payload?: unknown };
  if (typeof name !== 'string' || !isEventName(name)) return null;
  const parsed = events[name].safeParse(payload);
  if (!parsed.success) return null;
  return { name, payload: parsed.data };
}
