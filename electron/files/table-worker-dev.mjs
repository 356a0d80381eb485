// Runs the TypeScript table worker from source (tsx, vitest); the built app starts table-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./table-worker.ts');
