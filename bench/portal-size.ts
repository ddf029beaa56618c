import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The gzipped JavaScript the public portal's first page loads, from the built dist/web: the
 * portal page's module scripts, its modulepreload links and every chunk they import statically
 * (dynamic `import()` chunks load later and are not counted).
 */
export function portalFirstPageJs(
  distDir: string,
): { page: string; files: string[]; gzipBytes: number } | null {
  if (!existsSync(distDir)) return null;
  const html = findPages(distDir).find((p) => /portal/i.test(path.relative(distDir, p)));
  if (!html) return null;
  const text = readFileSync(html, 'utf8');
  const refs = [
    ...text.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...text.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]);
  const seen = new Set<string>();
  const queue = refs.map((r) => resolve(distDir, html, r));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const js = readFileSync(file, 'utf8');
    // static imports of minified chunks: import{a as b}from"./x.js" / import"./x.js" / export*from"./x.js"
    for (const m of js.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*?from\s*)?["']([^"']+\.js)["']/g))
      if (!js.slice(Math.max(0, m.index - 1), m.index).match(/[.\w]/))
        queue.push(path.resolve(path.dirname(file), m[1]));
  }
  const files = [...seen];
  const gzipBytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  return {
    page: path.relative(distDir, html),
    files: files.map((f) => path.relative(distDir, f)),
    gzipBytes,
  };
}

function findPages(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...findPages(p));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out;
}

const resolve = (distDir: string, html: string, ref: string) =>
  ref.startsWith('/') ? path.join(distDir, ref) : path.resolve(path.dirname(html), ref);
