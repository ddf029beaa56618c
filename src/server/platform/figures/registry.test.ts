import { describe, expect, it, onTestFinished } from 'vitest';
import { allFigures, type Figure, registerFigures } from './registry.js';

const source = { module: 'probe', count: async () => ({}) };
const figure = (v: Partial<Figure>): Figure =>
  ({
    key: 'probe.x',
    module: 'probe',
    label: '探针',
    unit: '件',
    definition: '测试',
    permission: 'petition.stats',
    protected: false,
    kind: 'count',
    columns: [],
    records: async () => ({ items: [], total: 0 }),
    ...v,
  }) as Figure;

describe('registering what the dashboard shows of a figure', () => {
  it('refuses a trend without a month breakdown, a comparison without the org one, a category chart without a dimension', () => {
    expect(() => registerFigures(source, [figure({ dashboard: ['trend'], breakdowns: ['org'] })])).toThrow(
      /trend needs 'month'/,
    );
    expect(() => registerFigures(source, [figure({ dashboard: ['org'], breakdowns: ['month'] })])).toThrow(
      /by org needs 'org'/,
    );
    expect(() => registerFigures(source, [figure({ dashboard: ['category'] })])).toThrow(/needs a dimension/);
    // nothing half-registered
    expect(allFigures().some((f) => f.module === 'probe')).toBe(false);
  });

  it('takes a figure whose uses it offers, and its undo takes it off again', () => {
    const undo = registerFigures(source, [
      figure({
        dashboard: ['card', 'trend', 'org', 'category'],
        breakdowns: ['month', 'org'],
        dimension: { key: 'k', label: '分类' },
      } as Partial<Figure>),
    ]);
    onTestFinished(() => undo());
    expect(allFigures().find((f) => f.key === 'probe.x')?.dashboard).toEqual([
      'card',
      'trend',
      'org',
      'category',
    ]);
    // (the test worker runs other files after this one: the registry must not keep the probe)
    undo();
    expect(allFigures().some((f) => f.module === 'probe')).toBe(false);
  });
});
