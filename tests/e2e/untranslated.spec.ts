import { test as base, expect } from '@playwright/test';
import { startOfficeProcess, tempDir } from '../support/office-process.js';
import { untranslatedClues, watchForUntranslated } from './untranslated.js';

// The guard every other spec runs under (fixtures.ts), shown to catch what it is for; this spec uses
// Playwright's own page so that what it plants does not fail it.
const test = base;

test('the watch on the Indonesian screen reports raw keys, English texts, internal codes and unfilled placeholders', async ({
  page,
}) => {
  const office = await startOfficeProcess(tempDir());
  try {
    const clues = await untranslatedClues();
    const logged: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes(clues.marker)) logged.push(message.text());
    });
    await page.addInitScript(watchForUntranslated, clues);
    await page.goto(office.url);
    await expect(page.locator('#root')).not.toBeEmpty();
    expect(await page.evaluate(() => (window as unknown as { scanNow: () => string[] }).scanNow())).toEqual([]);

    await page.evaluate(() => {
      for (const text of ['users.auth.login', 'Log in', 'Jenis: instansi_vertikal', 'Halo {{name}}']) {
        const line = document.createElement('p');
        line.textContent = text;
        document.body.append(line);
      }
      const verbatim = document.createElement('p');
      verbatim.translate = false;
      verbatim.textContent = 'users.auth.login';
      document.body.append(verbatim);
    });
    await expect
      .poll(() => logged.toSorted())
      .toEqual(
        [
          `${clues.marker} raw key: "users.auth.login"`,
          `${clues.marker} English text: "Log in"`,
          `${clues.marker} internal code: "instansi_vertikal"`,
          `${clues.marker} unfilled placeholder: "Halo {{name}}"`,
        ].toSorted(),
      );
  } finally {
    await office.stop();
  }
});
