import type { ImportColumn, OpInput } from '../../../electron/api/types';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import type { ImportExpectation } from './ImportPanel';

/** The features whose spreadsheet imports publish their columns and a template (`<feature>.importColumns`). */
type TemplateFeature = 'census' | 'integrity' | 'participation';
type TableOf<F extends TemplateFeature> = OpInput<`${F}.importTemplate`>['table'];

/**
 * What each import of a feature expects, for its `ImportPanel`: the columns its parser reads (asked
 * once from the backend, the parser's own list) and its template, delivered like every export.
 */
export function useImportExpectations<F extends TemplateFeature>(feature: F): (table: TableOf<F>) => ImportExpectation {
  const name: `${TemplateFeature}.importColumns` = `${feature}.importColumns`;
  const { data } = useOperation(name, {});
  const columns = data as Record<string, ImportColumn[]> | null;
  return (table) => ({
    columns: columns?.[table],
    template: (format, onProgress) =>
      api(`${feature}.importTemplate`, { table, format } as OpInput<`${F}.importTemplate`>, { onProgress }),
  });
}
