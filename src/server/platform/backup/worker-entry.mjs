// Runs backup-worker.ts in a worker thread: the TypeScript loader first, as bin/jiandu.mjs does.
import { register } from 'tsx/esm/api';

register();
await import('./backup-worker.ts');
