import { randomInt } from 'node:crypto';
import { type PasswordPolicy, passwordProblems } from '../../../domain/password-policy.js';

// Look-alike characters (0/O, 1/l/I) are left out: the password is read off a screen and typed.
const CLASSES = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!@#$%^&*-_=+?'];

/** A random initial or reset password that satisfies the current policy, with every character class present. */
export function generatePassword(policy: PasswordPolicy, username: string): string {
  const length = Math.max(12, policy.minLength);
  for (;;) {
    const chars = CLASSES.map((set) => set[randomInt(set.length)]);
    const all = CLASSES.join('');
    while (chars.length < length) chars.push(all[randomInt(all.length)]);
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    const password = chars.join('');
    if (passwordProblems(password, policy, username).length === 0) return password;
  }
}
