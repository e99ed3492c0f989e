import { ZodError } from 'zod';
import {
  AppError,
  isMethodName,
  methods,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
  type Result,
} from '@shared/api';

export type Handler<M extends MethodName> = (input: ParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
export type Handlers = { [M in MethodName]: Handler<M> };

/** What the router needs to know about the case around a call: who writes, and where the audit goes. */
export interface CallContext {
  /** throws NO_CASE_OPEN / CASE_READ_ONLY / NO_OPERATOR when a write cannot happen */
  assertCanWrite(): void;
  /** append to the open case's audit chain */
  audit(action: string, params: unknown): void;
}

/**
 * The one entry point of the backend: validates every input against the contract, runs the handler, checks the
 * output, audits writes (and failed write attempts), and returns errors as data with stable codes.
 */
export function createRouter(handlers: Handlers, context: CallContext) {
  return async function dispatch(method: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      return failure(new AppError('UNKNOWN_METHOD', `Unknown method "${method}".`));
    }
    const spec = methods[method];
    const parsed = spec.in.safeParse(rawInput ?? {});
    if (!parsed.success) return failure(badInput(method, parsed.error));

    const isWrite = spec.kind === 'write';
    try {
      if (isWrite || spec.kind === 'job') context.assertCanWrite();
      const handler = handlers[method] as (input: unknown) => unknown;
      const value: unknown = await handler(parsed.data);
      const checked = spec.out.safeParse(value);
      if (!checked.success) {
        throw new AppError('INTERNAL', `The backend answered ${method} with data outside the contract: ${summarise(checked.error)}`);
      }
      if (isWrite) context.audit(method, parsed.data);
      return { ok: true, value: checked.data };
    } catch (error) {
      const appError = toAppError(error);
      if (isWrite && appError.code !== 'NO_CASE_OPEN' && appError.code !== 'CASE_READ_ONLY') {
        safeAudit(context, `${method}.failed`, { input: parsed.data, error: appError.code, message: appError.message });
      }
      return failure(appError);
    }
  };
}

function safeAudit(context: CallContext, action: string, params: unknown): void {
  try {
    context.audit(action, params);
  } catch {
    // the failed attempt is reported to the caller either way; a broken audit write must not mask the error
  }
}

function failure(error: AppError): Result<never> {
  return { ok: false, error: error.toData() };
}

function badInput(method: string, error: ZodError): AppError {
  return new AppError('BAD_INPUT', `Invalid input for ${method}: ${summarise(error)}`);
}

function summarise(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`)
    .join('; ');
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return new AppError('BAD_INPUT', summarise(error));
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('INTERNAL', message);
}
