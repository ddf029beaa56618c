import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionLabel, objectTypeLabel } from './audit-actions.js';

const serverDir = fileURLToPath(new URL('../server', import.meta.url));

/** Action codes written in the server's source: `action: '…'`, `audit: '…'`, `auditView: '…'` and their ternaries. */
function actionsInSource(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) {
        for (const line of readFileSync(p, 'utf8').split('\n')) {
          for (const [, expr] of line.matchAll(
            /\b(?:action|audit|auditView)\??:\s*('[^']*'|[\w.!]+ \? '[^']*' : '[^']*')/g,
          )) {
            for (const m of expr.matchAll(/'([a-z]+(?:_[a-z]+)*\.[a-z_]+)'/g)) found.add(m[1]);
          }
        }
      }
    }
  };
  walk(serverDir);
  return found;
}

describe('audit action labels', () => {
  it('labels known codes, composes labels for object.verb codes, and leaves unknown codes as they are', () => {
    expect(auditActionLabel('auth.login')).toBe('登录');
    expect(auditActionLabel('access.denied')).toBe('越权访问');
    expect(auditActionLabel('org.create')).toBe('新建组织');
    expect(auditActionLabel('todo.export')).toBe('导出待办');
    expect(auditActionLabel('GET /api/v1/x')).toBe('GET /api/v1/x');
    expect(objectTypeLabel('org')).toBe('组织');
    expect(objectTypeLabel('gadget')).toBe('gadget');
  });

  it('has a Chinese label for every action the server records (add new ones to AUDIT_ACTIONS)', () => {
    const codes = actionsInSource();
    expect(codes.size).toBeGreaterThan(10);
    const unlabelled = [...codes].filter((c) => auditActionLabel(c) === c);
    expect(unlabelled).toEqual([]);
    for (const label of Object.values(AUDIT_ACTIONS)) expect(label).toMatch(/\p{Script=Han}/u);
  });
});
