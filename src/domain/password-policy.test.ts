import { describe, expect, it } from 'vitest';
import {
  characterClasses,
  passwordExpired,
  passwordProblems,
  DEFAULT_PASSWORD_POLICY as policy,
} from './password-policy.js';

describe('passwordProblems (等保 defaults)', () => {
  it('accepts a long password of three classes that is not common', () => {
    expect(passwordProblems('Dx7#mountain', policy)).toEqual([]);
    expect(passwordProblems('xq7#mount', policy)).toEqual([]); // lower + digit + symbol
  });

  it('wants at least 8 characters', () => {
    expect(passwordProblems('Ab1#xyz', policy)).toContain('密码长度至少 8 位');
    expect(passwordProblems('Ab1#wxyz', policy)).toEqual([]);
  });

  it('counts the four classes and wants three of them', () => {
    expect(characterClasses('abcdefgh')).toBe(1);
    expect(characterClasses('abcdEFGH')).toBe(2);
    expect(characterClasses('abcdEF12')).toBe(3);
    expect(characterClasses('aB1!')).toBe(4);
    expect(characterClasses('密码密码Ab')).toBe(3); // non-ASCII counts as a symbol
    expect(passwordProblems('abcdEFGHij', policy).join()).toContain('至少 3 类');
  });

  it('refuses common passwords, also with symbols stripped or in another case', () => {
    for (const common of ['P@ssw0rd', 'Admin@123', 'QWER1234!'.toLowerCase(), 'Password1!']) {
      const problems = passwordProblems(common, policy);
      expect(problems, common).toContain('密码过于常见，请换一个');
    }
    expect(passwordProblems('P@ssw0rd', { ...policy, rejectCommon: false })).toEqual([]);
  });

  it('refuses a password containing the username, whatever the case', () => {
    expect(passwordProblems('Zhangsan#2026', policy, 'zhangsan')).toContain('密码不能包含用户名');
    expect(passwordProblems('xx-ZHANGSAN-9', policy, 'zhangsan')).toContain('密码不能包含用户名');
    expect(passwordProblems('Dx7#mountain', policy, 'zhangsan')).toEqual([]);
    expect(passwordProblems('Dx7#mountain', policy, 'dx')).toEqual([]); // too short to matter
  });

  it('follows a configured policy', () => {
    const strict = { ...policy, minLength: 12, minClasses: 4 };
    expect(passwordProblems('Dx7#mountain', strict)).toEqual([]);
    expect(passwordProblems('Dx7mountains', strict).join()).toContain('至少 4 类');
    expect(passwordProblems('Dx7#mount', strict)).toContain('密码长度至少 12 位');
  });
});

describe('passwordExpired', () => {
  const changed = new Date('2026-01-01T08:00:00Z');
  const day = 86_400_000;

  it('is not expired one millisecond before 90 days and is expired at exactly 90 days', () => {
    expect(passwordExpired(changed, new Date(changed.getTime() + 90 * day - 1), policy)).toBe(false);
    expect(passwordExpired(changed, new Date(changed.getTime() + 90 * day), policy)).toBe(true);
    expect(passwordExpired(changed, new Date(changed.getTime() + 89 * day), policy)).toBe(false);
  });

  it('never expires when the period is 0', () => {
    expect(passwordExpired(changed, new Date('2036-01-01T00:00:00Z'), { ...policy, maxAgeDays: 0 })).toBe(
      false,
    );
  });
});
