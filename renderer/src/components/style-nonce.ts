/**
 * The nonce the office server (or the app scheme) gave this page for its style elements: the CSP
 * allows no other inline styles (electron/server/security-headers.ts). AG Grid and AG Charts put it
 * on the theme styles they inject.
 */
export const STYLE_NONCE: string | undefined =
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;
