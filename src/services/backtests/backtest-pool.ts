/** One backtest worker thread per process, started on first use; jobs run one after another. */
import { Worker } from 'node:worker_threads';
import type { WorkerJob } from './backtest-worker.ts';

export type WorkerReport = Record<string, any> & { equity: { time: number; equity: number }[]; trades: unknown[] };

let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, { resolve: (r: WorkerReport) => void; reject: (e: Error) => void; onProgress?: (p: { done: number; total: number }) => void }>();

function start(): Worker {
  const w = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { entry: new URL('./backtest-worker.ts', import.meta.url).href } });
  w.unref(); // an idle backtest worker never keeps the process alive
  w.on('message', (m: { id: number; kind: 'progress' | 'done' | 'error'; done?: number; total?: number; report?: WorkerReport; message?: string }) => {
    const job = pending.get(m.id);
    if (!job) return;
    if (m.kind === 'progress') job.onProgress?.({ done: m.done!, total: m.total! });
    else {
      pending.delete(m.id);
      if (pending.size === 0) w.unref();
      if (m.kind === 'done') job.resolve(m.report!);
      else job.reject(new Error(m.message));
    }
  });
  w.on('error', (error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
    worker = null;
  });
  w.on('exit', () => {
    worker = null;
  });
  return w;
}

export function runInBacktestWorker(job: Omit<WorkerJob, 'id'>, onProgress?: (p: { done: number; total: number }) => void): Promise<WorkerReport> {
  worker ??= start();
  const id = ++seq;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    worker!.ref(); // keep the process alive while a job runs
    worker!.postMessage({ ...job, id });
  });
}
