import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const webDist = path.resolve(import.meta.dirname, '../../dist/web');
export const PORTAL_JS_BUDGET = 200 * 1024;

/**
 * The JavaScript the portal's first page loads, from the built dist/web: portal.html's module
 * scripts and modulepreload links, and every chunk those import statically (a dynamic import()
 * or a worker loads later and is not counted). Sizes are gzip -9 of each file. Null when there is
 * no build.
 */
export function portalFirstPageJs(
  dist = webDist,
): { files: { file: string; gzip: number }[]; total: number } | null {
  const html = path.join(dist, 'portal.html');
  if (!existsSync(html)) return null;
  const page = readFileSync(html, 'utf8');
  const queue = [
    ...page.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...page.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => path.join(dist, m[1]));
  const seen = new Map<string, number>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`portal.html refers to a missing file: ${file}`);
    const js = readFileSync(file);
    seen.set(file, gzipSync(js, { level: 9 }).length);
    // static imports of the minified chunks: import{…}from"./x.js", import"./x.js", export*from"./x.js"
    for (const m of js
      .toString('utf8')
      .matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"`()]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g))
      queue.push(path.resolve(path.dirname(file), m[1]));
  }
  const files = [...seen].map(([file, gzip]) => ({ file: path.relative(dist, file), gzip }));
  return { files, total: files.reduce((s, f) => s + f.gzip, 0) };
}
