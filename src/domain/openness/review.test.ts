import { describe, expect, it } from 'vitest';
import { disclosureTransition, indexNumber, revisionTransition } from './review.js';

describe('village review chain', () => {
  it('draft → in review → returned → in review → approved → published → withdrawn', () => {
    expect(disclosureTransition('draft', 'submit', true)).toEqual({ to: 'in_review' });
    expect(disclosureTransition('in_review', 'return', true)).toEqual({ to: 'returned' });
    expect(disclosureTransition('returned', 'edit', true)).toEqual({ to: 'draft' });
    expect(disclosureTransition('returned', 'submit', true)).toEqual({ to: 'in_review' });
    expect(disclosureTransition('in_review', 'approve', true)).toEqual({ to: 'approved' });
    expect(disclosureTransition('approved', 'publish', true)).toEqual({ to: 'published' });
    expect(disclosureTransition('published', 'withdraw', true)).toEqual({ to: 'withdrawn' });
  });
  it('a village item is not published without the committee approval', () => {
    for (const s of ['draft', 'in_review', 'returned'] as const)
      expect(disclosureTransition(s, 'publish', true)).toMatchObject({ problem: { field: 'review' } });
  });
  it('a township item is published from the draft, without review', () => {
    expect(disclosureTransition('draft', 'publish', false)).toEqual({ to: 'published' });
    expect(disclosureTransition('draft', 'submit', false)).toHaveProperty('problem');
  });
  it('refuses steps out of order', () => {
    expect(disclosureTransition('draft', 'approve', true)).toHaveProperty('problem');
    expect(disclosureTransition('approved', 'edit', true)).toHaveProperty('problem');
    expect(disclosureTransition('withdrawn', 'withdraw', true)).toHaveProperty('problem');
    expect(disclosureTransition('in_review', 'withdraw', true)).toHaveProperty('problem');
  });
});

describe('a revision of a published village item', () => {
  it('revise → in review → returned → revised again → approved → published', () => {
    expect(revisionTransition(null, 'revise')).toEqual({ to: 'in_review' });
    expect(revisionTransition('in_review', 'return')).toEqual({ to: 'returned' });
    expect(revisionTransition('returned', 'revise')).toEqual({ to: 'in_review' });
    expect(revisionTransition('in_review', 'approve')).toEqual({ to: 'approved' });
    expect(revisionTransition('approved', 'publish')).toEqual({ to: null });
  });
  it('is never published without a fresh approval: not in review, returned, absent, nor changed after approval', () => {
    for (const s of [null, 'in_review', 'returned'] as const)
      expect(revisionTransition(s, 'publish')).toMatchObject({ problem: { field: 'review' } });
    // changed after approval: back to the committee
    expect(revisionTransition('approved', 'revise')).toEqual({ to: 'in_review' });
  });
  it('the committee reviews only a revision in review', () => {
    for (const s of [null, 'returned', 'approved'] as const) {
      expect(revisionTransition(s, 'approve')).toHaveProperty('problem');
      expect(revisionTransition(s, 'return')).toHaveProperty('problem');
    }
  });
});

describe('索引号', () => {
  it('unit, year and sequence', () => {
    expect(indexNumber(12, '2026-04-05', 7)).toBe('DX0012-2026-00007');
  });
});
