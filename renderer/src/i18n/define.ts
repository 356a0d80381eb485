/** A feature's strings; both languages must have exactly the same keys. */
export function defineMessages<K extends string>(messages: { id: Record<K, string>; en: Record<K, string> }) {
  return messages;
}
