// Boot file of a sweep worker: worker threads in Node 20 do not get the main thread's loader hooks,
// so register tsx here before loading the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./sweepWorker.ts');
