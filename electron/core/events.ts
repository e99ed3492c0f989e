import type { EventMessage, EventName, EventPayload } from '@shared/api';

/** Past-tense facts for every connected client (IPC windows, the loopback event stream). */
export class EventBus {
  private readonly listeners = new Set<(message: EventMessage) => void>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const message = { name, payload } as EventMessage;
    for (const listener of this.listeners) listener(message);
  }

  on(listener: (message: EventMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
