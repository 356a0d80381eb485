// The one-language rule (issue 12): every backend error a user may see is a coded problem,
// `ApiError.problem(code, 'feature.key', params)` with its texts in common/problems/<feature>.ts.
// A raw `new ApiError(code, 'English')` lives only in electron/api/errors.ts (ApiError.from, revive).
import type { SourceFile } from './rules.js';

const RAW_ERROR = /\bnew ApiError\(/;
const HOME = 'electron/api/errors.ts';

/** Files that still raise raw English errors: empty since issue 12, and never to be added to. */
export const NOT_YET_CODED = new Set<string>([]);

export function rawErrorFindings(files: SourceFile[], notYet: ReadonlySet<string> = NOT_YET_CODED): string[] {
  const findings: string[] = [];
  for (const { file, text } of files) {
    if (!file.startsWith('electron/') || file === HOME) continue;
    const raw = RAW_ERROR.test(text);
    if (raw && !notYet.has(file))
      findings.push(
        `${file}: raw "new ApiError(" with English text: use ApiError.problem(code, 'feature.key', params) and a key in common/problems/`,
      );
    if (notYet.has(file) && !raw) findings.push(`${file}: no raw ApiError left: remove it from NOT_YET_CODED`);
  }
  return findings;
}
