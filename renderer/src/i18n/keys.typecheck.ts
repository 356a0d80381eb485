// Compiled by the renderer's type-check, never run: it fails the build if `t` ever accepts a key
// that no catalogue declares (each `@ts-expect-error` must stay an error).
import type { Translate } from '.';

export function keysMustExist(t: Translate, code: string): string[] {
  return [
    t('sync.title'),
    // @ts-expect-error a key declared in no catalogue
    t('sync.noSuchKey'),
    // @ts-expect-error a key built from data at run time
    t(`sync.status.${code}`),
  ];
}
