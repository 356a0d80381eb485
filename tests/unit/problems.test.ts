import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../common/problems/define.js';
import { PROBLEM_TEXTS, problemText } from '../../common/problems/index.js';
import { ApiError } from '../../electron/api/errors.js';

describe('coded problems', () => {
  it('every key has Indonesian and English text with the same placeholders', () => {
    expect(Object.keys(PROBLEM_TEXTS.id).sort()).toEqual(Object.keys(PROBLEM_TEXTS.en).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(PROBLEM_TEXTS.en))
      expect(placeholders(PROBLEM_TEXTS.id[key]), key).toEqual(placeholders(PROBLEM_TEXTS.en[key]));
  });

  it('writes numbers the language’s way unless told raw', () => {
    expect(fillTemplate('{{n}} baris, baris {{row, raw}}', { n: 5415, row: 12034 }, 'id')).toBe(
      '5.415 baris, baris 12034',
    );
    expect(fillTemplate('{{n}} rows', { n: 5415 }, 'en')).toBe('5,415 rows');
    expect(fillTemplate('{{missing}}', {}, 'en')).toBe('{{missing}}');
  });

  it('an ApiError by key carries the English message and crosses boundaries with its key', () => {
    const error = ApiError.problem('INTERNAL', 'general.internal');
    expect(error.message).toBe(problemText('en', 'general.internal'));
    const revived = ApiError.revive(JSON.parse(JSON.stringify(error.toJSON())));
    expect(revived.key).toBe('general.internal');
    expect(problemText('id', 'unknown.key', {}, 'fallback')).toBe('fallback');
  });
});
