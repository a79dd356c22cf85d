// Worker-thread entry: the service runs TypeScript through tsx, so the worker registers it too.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
