/**
 * Solves the portal's challenges in worker threads (bench/soak-pow-worker.ts): about 2^18 SHA-256
 * rounds each, a browser's work. On the driver's own thread it would stall every other client's
 * timers and reads, and requests would look unanswered when the driver was merely busy.
 */
import { Worker } from 'node:worker_threads';

export class PowPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { token: string; difficulty: number; done: (n: number) => void }[] = [];
  private readonly waiting = new Map<Worker, (n: number) => void>();

  constructor(size: number) {
    // a worker does not inherit tsx's loader: it registers it, then loads the worker module
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(new URL('./soak-pow-worker.ts', import.meta.url).href)}); });`;
    for (let i = 0; i < size; i++) {
      const w = new Worker(boot, { eval: true });
      w.on('message', ({ counter }: { counter: number }) => {
        const done = this.waiting.get(w);
        this.waiting.delete(w);
        this.idle.push(w);
        this.next();
        done?.(counter);
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  solve(token: string, difficulty: number): Promise<number> {
    return new Promise((done) => {
      this.queue.push({ token, difficulty, done });
      this.next();
    });
  }

  private next() {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop() as Worker;
      const job = this.queue.shift() as (typeof this.queue)[number];
      this.waiting.set(w, job.done);
      w.postMessage({ id: 0, token: job.token, difficulty: job.difficulty });
    }
  }

  /** The run is over: the challenges still queued are not solved (their promise gives -1). */
  drain() {
    for (const job of this.queue.splice(0)) job.done(-1);
  }

  async close() {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
