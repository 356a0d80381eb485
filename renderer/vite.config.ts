import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  // Vite puts this placeholder on its style and script tags and in <meta property="csp-nonce">; the
  // office server and the app scheme replace it with a fresh nonce per page (security-headers.ts).
  html: { cspNonce: '__PENDOPO_NONCE__' },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
});
