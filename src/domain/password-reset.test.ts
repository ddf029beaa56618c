import { describe, expect, it } from 'vitest';
import { resetApproval, resetConfirmRefusal, resetNotice } from './password-reset.js';

describe('who must agree to a password reset', () => {
  const plain = { adminClasses: [], permissions: ['todo.read', 'cadre.read'], totpEnrolled: false };

  it('lets one administrator reset an account whose password opens nothing protected', () => {
    expect(resetApproval(plain)).toEqual({ kind: 'alone' });
  });

  it('needs a second administrator for any administrator account, second factor or not', () => {
    for (const totpEnrolled of [true, false])
      expect(resetApproval({ adminClasses: ['audit'], permissions: ['audit.read'], totpEnrolled })).toEqual({
        kind: 'second_admin',
        reason: 'admin',
      });
  });

  it('needs a second administrator for case content without an enrolled second factor, not with one', () => {
    const secretary = { adminClasses: [], permissions: ['petition.read', 'cadre.read'], totpEnrolled: false };
    expect(resetApproval(secretary)).toEqual({ kind: 'second_admin', reason: 'case_content' });
    expect(resetApproval({ ...secretary, permissions: ['cadre.id_number'] }).kind).toBe('second_admin');
    expect(resetApproval({ ...secretary, permissions: ['cadre.file'] }).kind).toBe('second_admin');
    expect(resetApproval({ ...secretary, totpEnrolled: true })).toEqual({ kind: 'alone' });
  });
});

describe('who may confirm a reset', () => {
  const manager = new Set(['user.manage']);
  it('refuses the requester, the owner and an administrator without account or role management', () => {
    const base = { confirmerPermissions: manager, requesterId: 1, targetId: 2 };
    expect(resetConfirmRefusal({ ...base, confirmerId: 1 })).toContain('申请人不能自己确认');
    expect(resetConfirmRefusal({ ...base, confirmerId: 2 })).toBe('不能确认重置自己的密码');
    expect(
      resetConfirmRefusal({ ...base, confirmerId: 3, confirmerPermissions: new Set(['audit.read']) }),
    ).not.toBeNull();
    expect(resetConfirmRefusal({ ...base, confirmerId: 3 })).toBeNull();
    expect(
      resetConfirmRefusal({ ...base, confirmerId: 3, confirmerPermissions: new Set(['role.manage']) }),
    ).toBeNull();
  });
});

it('tells the owner when and by whom, in Beijing time', () => {
  expect(resetNotice('2026-03-02T01:05:00Z', '张三')).toBe('您的密码已于 2026年3月2日 09:05 由 张三 重置');
});
