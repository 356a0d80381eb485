import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** `text` for a LIKE pattern with `%`, `_` and `\` taken literally (the pattern says ESCAPE '\'). */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The column holds `text` anywhere (SQLite's LIKE: any case for ASCII letters). */
export function contains(column: SQLWrapper, text: string): SQL {
  return sql`${column} LIKE ${`%${literal(text)}%`} ESCAPE '\\'`;
}

/** The column starts with `text`. */
export function startsWith(column: SQLWrapper, text: string): SQL {
  return sql`${column} LIKE ${`${literal(text)}%`} ESCAPE '\\'`;
}
