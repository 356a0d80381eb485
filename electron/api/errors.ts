/** Error codes every transport understands. */
export type ApiErrorCode =
  | 'UNKNOWN_OPERATION'
  | 'INVALID_INPUT'
  | 'REJECTED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'DATABASE_TOO_NEW'
  | 'NOT_INITIALISED'
  | 'INTERNAL';

export interface ApiErrorIssue {
  /** Row or line number in a file, when the problem is in one. */
  line?: number | null;
  field?: string | null;
  message: string;
}

/** The plain shape an error takes when it crosses a process or network boundary. */
export interface SerializedApiError {
  name: 'ApiError';
  code: ApiErrorCode;
  message: string;
  issues?: ApiErrorIssue[];
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiErrorIssue[],
  ) {
    super(message);
  }

  toJSON(): SerializedApiError {
    return { name: 'ApiError', code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }

  static from(error: unknown, operation?: string): ApiError {
    if (error instanceof ApiError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    return new ApiError('INTERNAL', operation ? `${operation}: ${detail}` : detail);
  }

  static revive(data: SerializedApiError): ApiError {
    return new ApiError(data.code, data.message, data.issues);
  }
}

export function isSerializedApiError(value: unknown): value is SerializedApiError {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'ApiError';
}
