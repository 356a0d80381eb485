import { isProblemKey, problemText, type ProblemKey, type ProblemParams } from '../../common/problems/index.js';

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
  /** English, for the CLI and logs; screens show `key` with `params` in their language. */
  message: string;
  key?: string;
  params?: ProblemParams;
}

/** The plain shape an error takes when it crosses a process or network boundary. */
export interface SerializedApiError {
  name: 'ApiError';
  code: ApiErrorCode;
  message: string;
  issues?: ApiErrorIssue[];
  /** The problem's catalogue key (common/problems/) and parameters, for the UI to say it in its language. */
  key?: string;
  params?: ProblemParams;
}

/** The first `shown` values as one parameter ("a, b, c …"), for a problem that names several. */
export function sampleOf(values: readonly string[], shown: number): string {
  return `${values.slice(0, shown).join(', ')}${values.length > shown ? ' …' : ''}`;
}

/** One problem of a file or input, by catalogue key; `message` is filled in English. */
export function problemIssue(
  line: number | null,
  field: string | null,
  key: ProblemKey,
  params: ProblemParams = {},
): ApiErrorIssue {
  return { line, field, key, params, message: problemText('en', key, params) };
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiErrorIssue[],
    readonly key?: string,
    readonly params?: ProblemParams,
    /** The error this one stands for (ApiError.from): its stack goes to the log. */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }

  /** An error by catalogue key (common/problems/): English message for the CLI and logs, the key for the UI. */
  static problem(code: ApiErrorCode, key: ProblemKey, params: ProblemParams = {}, issues?: ApiErrorIssue[]): ApiError {
    return new ApiError(code, problemText('en', key, params), issues, key, params);
  }

  /**
   * Refused input, said in the UI by its first issue's key (the field named by its label); the English
   * message keeps the operation and the detail for the CLI and the log.
   */
  static invalidInput(operation: string, issues: ApiErrorIssue[]): ApiError {
    const first = issues[0];
    const detail = first ? ` (${first.field ?? 'input'}: ${first.message})` : '';
    const key = first?.key && isProblemKey(first.key) ? first.key : 'general.invalidInput';
    return new ApiError('INVALID_INPUT', `${operation}: invalid input${detail}`, issues, key, first?.params ?? {});
  }

  toJSON(): SerializedApiError {
    return {
      name: 'ApiError',
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.key ? { key: this.key, params: this.params ?? {} } : {}),
    };
  }

  /**
   * Any error as an ApiError. An unexpected one (raw SQLite text, a bug) becomes INTERNAL with the
   * `general.internal` key, so screens say "something went wrong, see the log" in their language and
   * never the raw text; the English message (CLI, log) keeps the detail and `cause` keeps its stack.
   */
  static from(error: unknown, operation?: string): ApiError {
    if (error instanceof ApiError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    const message = operation ? `${operation}: ${detail}` : detail;
    const wrapped = new ApiError('INTERNAL', message, undefined, 'general.internal', {}, error);
    if (error instanceof Error) wrapped.stack = `${wrapped.stack ?? ''}\nCaused by: ${error.stack ?? detail}`;
    return wrapped;
  }

  static revive(data: SerializedApiError): ApiError {
    return new ApiError(data.code, data.message, data.issues, data.key, data.params);
  }
}
