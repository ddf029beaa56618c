import { describe, expect, it } from 'vitest';
import { orgLabel } from './org-labels.js';

const d = (name: string) => ({ name, kind: 'district' });
const o = (name: string, kind = 'township') => ({ name, kind });

describe('org labels for readers above a township', () => {
  it('names the township of a unit, village or group, not the district', () => {
    expect(orgLabel([d('新城区'), o('大兴镇'), o('党政办', 'department')])).toBe('大兴镇/党政办');
    expect(orgLabel([d('新城区'), o('大兴镇'), o('东风村', 'village'), o('第一村民小组', 'group')])).toBe(
      '大兴镇/东风村/第一村民小组',
    );
    expect(orgLabel([d('新城区'), o('大兴镇')])).toBe('大兴镇');
    expect(orgLabel([d('新城区')])).toBe('新城区');
    expect(orgLabel([o('大兴镇'), o('东村', 'village')])).toBe('大兴镇/东村');
  });

  it('does not repeat a parent whose name the unit already carries', () => {
    expect(orgLabel([d('清江区'), o('东湖镇'), o('东湖镇农业服务中心', 'department')])).toBe(
      '东湖镇农业服务中心',
    );
  });
});
