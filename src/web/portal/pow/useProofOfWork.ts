import { useCallback, useEffect, useRef, useState } from 'react';
import { getJson } from '../api';
import { solveChallenge } from './solve';

export interface Answer {
  token: string;
  counter: number;
}

/** Solves in a worker (a file of our own origin, so the CSP 'self' allows it); on the page if workers fail. */
function solve(token: string, difficulty: number): Promise<number> {
  const here = () => solveChallenge(token, difficulty);
  if (typeof Worker === 'undefined') return Promise.resolve().then(here);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ counter: number }>) => {
      worker.terminate();
      resolve(e.data.counter);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      try {
        resolve(here());
      } catch (err) {
        reject(err);
      }
    };
    worker.postMessage({ token, difficulty });
  });
}

/** Challenges are good for 10 minutes on the server; this page asks for a new one after 9. */
const FRESH_MS = 9 * 60_000;

/**
 * The anti-bot check: a challenge is fetched and solved as soon as the form opens, while the
 * reporter types; `answer()` waits for it (fetching a new one when it has grown old or failed).
 */
export function useProofOfWork() {
  const current = useRef<{ promise: Promise<Answer>; until: number } | null>(null);
  const [ready, setReady] = useState(false);

  const renew = useCallback(() => {
    setReady(false);
    const promise = getJson<{ token: string; difficulty: number }>('/challenge').then(async (c) => ({
      token: c.token,
      counter: await solve(c.token, c.difficulty),
    }));
    const entry = { promise, until: Date.now() + FRESH_MS };
    current.current = entry;
    promise.then(
      () => current.current === entry && setReady(true),
      () => {},
    );
    return promise;
  }, []);

  useEffect(() => {
    renew();
  }, [renew]);

  const answer = useCallback(async (): Promise<Answer> => {
    const c = current.current;
    if (!c || Date.now() > c.until) return renew();
    return c.promise.catch(() => renew());
  }, [renew]);

  return { answer, renew, ready };
}
