/** What an empty screen says: what is missing, and a button to the import or step that fills it. */
export interface EmptyPointer {
  text: string;
  /** The button's label and where it leads; none when the step is on the same screen. */
  action?: { label: string; go(): void };
}

export function EmptyHint({ text, action }: EmptyPointer) {
  return (
    <div className="empty-hint" role="status">
      <p>{text}</p>
      {action && (
        <button type="button" className="primary" onClick={action.go}>
          {action.label}
        </button>
      )}
    </div>
  );
}
