// Lets a worker thread run the TypeScript backend worker from source, as tsx does for the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../../electron/main/backend-worker.ts');
