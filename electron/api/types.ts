import type { z } from 'zod';
import type { OperationName, Operations } from './registry.js';

/** What a caller passes for operation N (before schema defaults are applied). */
export type OpInput<N extends OperationName> = z.input<Operations[N]['input']>;
/** What operation N returns. */
export type OpOutput<N extends OperationName> = ReturnType<Operations[N]['run']>;

export type { OperationName } from './registry.js';
export type { ChangeEvent, Progress, Role, Topic } from './define.js';
export type { SerializedApiError, ApiErrorCode, ApiErrorIssue } from './errors.js';
export type { ExportHandle } from '../files/exported-file.js';
export type { ExportFormat } from '../files/table-columns.js';
export type { ImportColumn } from '../files/import-template.js';
export type { CallResult } from '../backend/protocol.js';
