// Boot file of the Node simulation worker. Node 20 worker threads do not inherit loader hooks
// registered on the main thread, so this plain-JS entry registers tsx before loading the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./nodeSimWorker.ts');
