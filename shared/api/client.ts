import { AppError, type Result } from './errors';
import type { EventMessage, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from './contract';

/** What a transport must provide: one raw call and one event subscription. */
export interface Transport {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  on(listener: (message: EventMessage) => void): () => void;
}

/** The typed client every renderer feature uses; errors come back as thrown {@link AppError}s with stable codes. */
export interface Client {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(transport: Transport): Client {
  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      const result = await transport.call(method, input);
      if (!result.ok) throw AppError.fromData(result.error);
      // The backend validated the output against the same contract before sending it.
      return result.value as MethodOutput<M>;
    },
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
      return transport.on((message) => {
        if (message.name === name) listener(message.payload as EventPayload<E>);
      });
    },
  };
}
