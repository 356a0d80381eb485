import { useT } from '../../i18n';

/**
 * What the field sync import reads, said as the clerk knows it (the format is `sp-field-sync` v1): the
 * package's two files and their key fields. There is no template to fill in: the tablets make packages.
 */
export function PackageExpects() {
  const t = useT();
  return (
    <div className="import-expects package-expects" data-testid="sync-expects">
      <p className="muted">{t('sync.expects.what')}</p>
      <ul className="muted">
        <li>
          <code translate="no">manifest.json</code> — {t('sync.expects.manifest')}
        </li>
        <li>
          <code translate="no">households.jsonl</code> — {t('sync.expects.households')}
        </li>
      </ul>
      <p className="muted">
        {t('sync.expects.needsSls')} {t('sync.expects.noTemplate')}
      </p>
    </div>
  );
}
