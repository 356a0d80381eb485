import type { LaunchOptions } from 'playwright-core';

/**
 * How the browser tests and the README's screenshots start Debian's Chromium (apt-get install chromium;
 * Playwright's own browser download is not possible offline; PENDOPO_CHROMIUM names another).
 */
export const CHROMIUM: LaunchOptions = {
  executablePath: process.env.PENDOPO_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

/** Playwright hides scroll bars (they then take no room, as overlay ones do); a Windows or Linux desktop shows them. */
export const WITH_SCROLL_BARS: LaunchOptions = { ...CHROMIUM, ignoreDefaultArgs: ['--hide-scrollbars'] };
