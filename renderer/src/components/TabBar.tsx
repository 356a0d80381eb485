export interface Tab<T extends string> {
  id: T;
  label: string;
}

/** The row of tabs at the top of a screen; the screen keeps the chosen tab in the URL. */
export function TabBar<T extends string>({
  tabs,
  current,
  label,
  onSelect,
}: {
  tabs: readonly Tab<T>[];
  current: T | undefined;
  label?: string;
  onSelect(id: T): void;
}) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={tab.id === current}
          className={tab.id === current ? 'active' : ''}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
