/**
 * An open-loop load generator for the ingest benchmark: requests start on a fixed schedule
 * (rate per second) whatever the server's answers, over keep-alive connections, and each
 * latency is measured from the request's scheduled start, so a stalled server shows up in the
 * figures instead of slowing the generator down (autocannon's per-second quota sends each
 * second's requests as a burst, which measures bursts, not a steady rate).
 */
import http from 'node:http';

export interface PacedResult {
  sent: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  seconds: number;
  latencyMs: { p50: number; p99: number; max: number };
}

export async function runPaced(options: { url: string; ratePerSecond: number; seconds: number; body: () => string; maxSockets?: number }): Promise<PacedResult> {
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 256 });
  const latencies: number[] = [];
  const result = { sent: 0, ok2xx: 0, non2xx: 0, errors: 0 };
  const inflight = new Set<Promise<void>>();
  const start = performance.now();
  const total = Math.round(options.ratePerSecond * options.seconds);
  const send = (scheduled: number) => {
    const body = options.body();
    const p = new Promise<void>((resolve) => {
      const req = http.request({ agent, host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - scheduled);
          if (res.statusCode && res.statusCode < 300) result.ok2xx += 1;
          else result.non2xx += 1;
          resolve();
        });
      });
      req.on('error', () => {
        result.errors += 1;
        resolve();
      });
      req.end(body);
    });
    result.sent += 1;
    inflight.add(p);
    void p.then(() => inflight.delete(p));
  };
  while (result.sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * options.ratePerSecond) + 1);
    while (result.sent < due) send(start + (result.sent * 1000) / options.ratePerSecond);
    await new Promise((r) => setTimeout(r, 1)); // a timer, not a busy loop: the server shares the CPU
  }
  await Promise.all(inflight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] * 10) / 10;
  return { ...result, seconds: Math.round(((performance.now() - start) / 1000) * 100) / 100, latencyMs: { p50: at(0.5), p99: at(0.99), max: at(1) } };
}
