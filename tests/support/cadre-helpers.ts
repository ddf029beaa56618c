import { idCheckChar } from '../../src/domain/id-number.js';
import type { Session } from './factories.js';
import { call } from './factories.js';
import type { TestApp } from './test-app.js';

/** A valid 18-character ID number for a birth date (YYYY-MM-DD); an odd sequence is a man. */
export function idNumberFor(birthDate: string, seq = 101, region = '110101'): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return `${first17}${idCheckChar(first17)}`;
}

/** The same number with a wrong check character. */
export function badCheckDigit(id: string): string {
  const last = id[17] === '0' ? '1' : '0';
  return `${id.slice(0, 17)}${last}`;
}

/** Registers a cadre through the API and returns its detail. */
export async function postCadre(t: TestApp, s: Session, fields: Record<string, unknown>) {
  const res = await call(t, s, 'POST', '/api/v1/cadres', fields);
  if (res.statusCode !== 200) throw new Error(`create cadre failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
