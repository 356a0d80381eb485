import { z } from 'zod';
import type { ProblemKey } from '../../common/problems/index.js';
import { codePointLength, findInputFault, nameFault, type TextFault } from '../../common/text.js';
import { ApiError, problemIssue, type ApiErrorIssue } from './errors.js';

const FAULT_PROBLEMS: Record<TextFault, ProblemKey> = {
  surrogate: 'input.illFormedText',
  control: 'input.controlCharacter',
  bidi: 'input.bidiCharacter',
};

/**
 * Refuses an operation's input when any string in it (value or key, at any depth) is not
 * well-formed Unicode or holds NUL or another C0 control: checked once for every operation, before
 * its own schema, so no string that cannot be stored faithfully reaches a handler or the audit trail.
 */
export function refuseUnsafeText(operation: string, input: unknown): void {
  const found = findInputFault(input);
  if (!found) return;
  const field = found.path || 'input';
  const issue = problemIssue(null, field, FAULT_PROBLEMS[found.fault], { field });
  throw new ApiError(
    'INVALID_INPUT',
    `${operation}: invalid input (${issue.message})`,
    [issue],
    issue.key,
    issue.params,
  );
}

/**
 * A name other people will read (a display name, a person's name): trimmed, 1 to `max` code points,
 * and no control or bidi character that would make it look like something else.
 */
export const nameText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .superRefine((value, ctx) => {
      const fault = nameFault(value);
      if (fault)
        ctx.addIssue({ code: 'custom', message: FAULT_PROBLEMS[fault], params: { problem: FAULT_PROBLEMS[fault] } });
      if (codePointLength(value) > max) ctx.addIssue({ code: 'custom', message: `at most ${max} characters` });
    });

/** A zod issue as an API issue; those raised with `params.problem` carry their catalogue key. */
export function issueOf(issue: z.core.$ZodIssue): ApiErrorIssue {
  const field = issue.path.length ? issue.path.join('.') : null;
  const problem = issue.code === 'custom' ? (issue.params as { problem?: ProblemKey } | undefined)?.problem : undefined;
  return problem ? problemIssue(null, field, problem, { field: field ?? 'input' }) : { field, message: issue.message };
}
