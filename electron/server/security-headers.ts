import { randomBytes } from 'node:crypto';

/**
 * The renderer's Content-Security-Policy; the Electron window gets the same one. Styles need no
 * 'unsafe-inline': the page's own style elements (Vite's, AG Grid's and AG Charts' injected themes)
 * carry the nonce of the response that served the page, and React sets element styles through the
 * CSSOM, which the CSP does not govern. Without a nonce (any response but the page) no inline style runs.
 */
export function contentSecurityPolicy(nonce?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${nonce ? ` 'nonce-${nonce}'` : ''}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/** The placeholder the renderer build leaves for the style nonce (renderer/vite.config.ts `html.cspNonce`). */
export const NONCE_PLACEHOLDER = '__PENDOPO_NONCE__';

/** The page as served once: a fresh nonce in place of the placeholder, and the CSP that allows exactly it. */
export function withFreshNonce(html: string): { html: string; csp: string } {
  const nonce = randomBytes(18).toString('base64url');
  return { html: html.replaceAll(NONCE_PLACEHOLDER, nonce), csp: contentSecurityPolicy(nonce) };
}
