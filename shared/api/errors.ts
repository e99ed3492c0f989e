/** Stable error codes: scripts and the UI key on these, so add codes but never rename one. */
export const ERROR_CODES = [
  'BAD_INPUT',
  'UNKNOWN_METHOD',
  'NO_CASE_OPEN',
  'CASE_NOT_FOUND',
  'CASE_EXISTS',
  'CASE_LOCKED',
  'CASE_READ_ONLY',
  'SCHEMA_TOO_NEW',
  'SCHEMA_GAP',
  'NO_OPERATOR',
  'OPERATOR_NOT_FOUND',
  'NOT_SUPPORTED_BY_HOST',
  'UNAUTHORIZED',
  'FORBIDDEN_ORIGIN',
  'CANCELLED',
  'INTERNAL',
  'CASE_BUSY',
  'IMPORT_UNREADABLE',
  'IMPORT_UNRECOGNISED',
  'IMPORT_DUPLICATE',
  'IMPORT_NOTHING',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error as it crosses any boundary: plain data with a stable code. */
export interface ApiErrorData {
  code: ErrorCode;
  message: string;
  file?: string;
  line?: number;
  details?: Record<string, string | number | boolean | null>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

/** Thrown inside the backend and by the typed client; converted to {@link ApiErrorData} at the wire. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly details: ApiErrorData['details'];

  constructor(code: ErrorCode, message: string, extra: Omit<ApiErrorData, 'code' | 'message'> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.file = extra.file;
    this.line = extra.line;
    this.details = extra.details;
  }

  toData(): ApiErrorData {
    const data: ApiErrorData = { code: this.code, message: this.message };
    if (this.file !== undefined) data.file = this.file;
    if (this.line !== undefined) data.line = this.line;
    if (this.details !== undefined) data.details = this.details;
    return data;
  }

  static fromData(data: ApiErrorData): AppError {
    return new AppError(data.code, data.message, data);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
