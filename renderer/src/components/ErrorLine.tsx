/**
 * A problem shown where it happened, already in the UI's language (explain() or a message); nothing
 * when there is none. `inline` keeps it on the line of the control it belongs to.
 */
export function ErrorLine({ message, inline = false }: { message?: string | null; inline?: boolean }) {
  if (!message) return null;
  const Line = inline ? 'span' : 'p';
  return (
    <Line className="error" role="alert">
      {inline && ' '}
      {message}
    </Line>
  );
}
