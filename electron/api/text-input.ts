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
  throw ApiError.invalidInput(operation, [issue]);
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

/** The catalogue key and parameters that say a zod issue in words, the field named by the caller's label. */
function zodProblem(issue: z.core.$ZodIssue): { key: ProblemKey; params: Record<string, number> } {
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string')
        return minimum <= 1 ? { key: 'input.required', params: {} } : { key: 'input.tooShort', params: { minimum } };
      if (issue.origin === 'array' && minimum <= 1) return { key: 'input.required', params: {} };
      return { key: 'input.tooSmall', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      return issue.origin === 'string'
        ? { key: 'input.tooLong', params: { maximum } }
        : { key: 'input.tooBig', params: { maximum } };
    }
    case 'invalid_type':
      return issue.input === undefined ? { key: 'input.required', params: {} } : { key: 'input.wrongType', params: {} };
    case 'invalid_format':
      // The ISO dates ops take (`YYYY-MM-DD`): the screens send them from a dd/mm/yyyy field.
      return issue.pattern?.includes('\\d{4}-')
        ? { key: 'input.date', params: {} }
        : { key: 'input.wrongFormat', params: {} };
    case 'invalid_value':
      return { key: 'input.notAllowed', params: {} };
    default:
      return { key: 'input.invalid', params: {} };
  }
}

/**
 * A zod issue as an API issue with its catalogue key (`field` is the input's path; the UI names it
 * by its label). Those raised with `params.problem` carry their own key; `message` stays zod's English.
 */
export function issueOf(issue: z.core.$ZodIssue): ApiErrorIssue {
  const field = issue.path.length ? issue.path.join('.') : null;
  const problem = issue.code === 'custom' ? (issue.params as { problem?: ProblemKey } | undefined)?.problem : undefined;
  if (problem) return problemIssue(null, field, problem, { field: field ?? 'input' });
  const { key, params } = zodProblem(issue);
  return { field, message: issue.message, key, params: { field: field ?? 'input', ...params } };
}
