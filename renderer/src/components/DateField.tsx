import { useEffect, useState } from 'react';
import { isoToDmy, parseDmy } from '../../../common/dates';
import { useT } from '../i18n';

export interface DateFieldProps {
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  /** Told YYYY-MM-DD once the text is a real date, '' when it is emptied or not a date. */
  onChange: (iso: string) => void;
  'aria-label'?: string;
  required?: boolean;
  disabled?: boolean;
}

/**
 * The one date input: reads and writes dd/mm/yyyy whatever the browser's locale (a text field, not
 * the browser's date picker whose format follows the machine), and says plainly when a text is no date.
 */
export function DateField({ value, onChange, required, disabled, ...rest }: DateFieldProps) {
  const t = useT();
  const [text, setText] = useState(() => isoToDmy(value));
  const [invalid, setInvalid] = useState(false);
  // A value set from outside (a reset, a loaded record) shows as its dd/mm/yyyy; typing does not re-run this.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the value from outside counts
  useEffect(() => {
    if (value !== (parseDmy(text) ?? '')) {
      setText(isoToDmy(value));
      setInvalid(false);
    }
  }, [value]);
  const edit = (next: string) => {
    setText(next);
    const iso = parseDmy(next);
    setInvalid(next.trim() !== '' && iso === null);
    onChange(iso ?? '');
  };
  return (
    <span className="date-field">
      <input
        type="text"
        inputMode="numeric"
        placeholder={t('common.dateHint')}
        aria-label={rest['aria-label']}
        aria-invalid={invalid || undefined}
        value={text}
        required={required}
        disabled={disabled}
        size={10}
        maxLength={10}
        onChange={(e) => edit(e.target.value)}
      />
      {invalid && (
        <span className="field-error" role="alert">
          {t('common.dateInvalid')}
        </span>
      )}
    </span>
  );
}
