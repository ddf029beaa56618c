/** A worker thread of bench/soak.ts: solves the portal's challenges off the driver's event loop. */
import { parentPort } from 'node:worker_threads';
import { solveChallenge } from '../src/web/portal/pow/solve.js';

parentPort?.on('message', ({ id, token, difficulty }: { id: number; token: string; difficulty: number }) => {
  parentPort?.postMessage({ id, counter: solveChallenge(token, difficulty) });
});
