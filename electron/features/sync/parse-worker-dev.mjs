// Runs the TypeScript parse worker from source (tsx, vitest); the built app starts parse-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
