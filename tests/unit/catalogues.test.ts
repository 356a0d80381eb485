import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Which keys exist in both languages is checked in ui-texts.test.ts; this is AG Grid's own text.
type Catalogue = { id: Record<string, string>; en: Record<string, string> };
const RENDERER = join(import.meta.dirname, '../../renderer/src');
const { GRID_LOCALE } = (await import(join(RENDERER, 'components/grid-locale.ts'))) as { GRID_LOCALE: Catalogue };

describe("AG Grid's texts", () => {
  it('never say "No Rows To Show" in Indonesian', () => {
    expect(GRID_LOCALE.id.noRowsToShow).toBe('Belum ada data');
    expect(Object.values(GRID_LOCALE.id)).not.toContain('No Rows To Show');
  });
});
