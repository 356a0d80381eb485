// Lets a worker thread run the TypeScript backend worker from source (tsx, vitest); the built app starts worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
