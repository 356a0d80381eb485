import { useT } from '../../i18n';
import { useRoute } from '../../store/route';

/** The empty SLS and officer lists' way to their imports: the Import & Export tab of this screen. */
export function useToFilesTab(): { label: string; go(): void } {
  const t = useT();
  const setParam = useRoute((s) => s.setParam);
  return { label: t('census.empty.toFiles'), go: () => setParam('tab', 'files') };
}

/** From another screen that needs the SLS master (progress, field sync, places): to where it is imported. */
export function useToSlsImport(): { label: string; go(): void } {
  const t = useT();
  const go = useRoute((s) => s.go);
  return { label: t('census.empty.toFiles'), go: () => go('petugas', { tab: 'files' }) };
}
