import { useT } from '../../i18n';
import { useRoute } from '../../store/route';

/** The empty history, conflicts and households views' way to what fills them: the Import tab. */
export function useToImportTab(): { label: string; go(): void } {
  const t = useT();
  const setParam = useRoute((s) => s.setParam);
  return { label: t('sync.empty.toImport'), go: () => setParam('tab', null) };
}
