import { solveChallenge } from './solve';

/** Answers the portal's anti-bot challenge off the page's thread. */
self.onmessage = (e: MessageEvent<{ token: string; difficulty: number }>) => {
  const counter = solveChallenge(e.data.token, e.data.difficulty);
  self.postMessage({ token: e.data.token, counter });
};
