/** Units of rule values: how a value is shown and which values are acceptable. */
export const RULE_UNITS: Record<string, string> = {
  days: '天',
  working_days: '个工作日',
  months: '个月',
  years: '年',
  count: '',
  seconds: '秒',
  minutes: '分钟',
  hours: '小时',
  percent: '%',
  ratio: '',
  /** 差额比例: at least so many to one, e.g. 1.5 → 1.5:1 */
  to_one: '',
  boolean: '',
  list: '',
  ladder: '',
  authority: '',
  weights: '',
  rounding: '',
};

/** The values of a rounding rule (e.g. how the 优秀 cap's share of a headcount is rounded). */
export const ROUNDING_VALUES: Record<string, string> = {
  floor: '向下取整',
  round: '四舍五入',
  ceil: '向上取整',
};

/** Rule areas, from the first part of the key, in display order. */
export const RULE_AREAS: Record<string, string> = {
  appointment: '选拔任用',
  promotion: '提拔条件',
  admonition: '谈话诫勉',
  sanction: '处分影响期',
  org_measure: '组织处理',
  petition: '信访举报',
  inquiry: '函询',
  disclosure: '公开',
  review: '年度考核',
  ranking: '考评排名',
  pledge: '承诺践诺',
  evaluation: '民主测评',
  accountability: '责任追究',
  security: '安全策略',
};

export const ruleArea = (key: string) => key.split('.')[0];

const COUNTED = new Set(['days', 'working_days', 'months', 'years', 'count', 'seconds', 'minutes', 'hours']);

/** Why a value does not suit the unit (a Chinese message), or null when it does. */
export function ruleValueProblem(unit: string, value: unknown): string | null {
  if (COUNTED.has(unit)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return '请输入不小于 0 的数值';
    // Years may be halves (1.5 years); the other units are whole numbers.
    if (unit === 'years') return Number.isInteger(value * 2) ? null : '年数须为整数或 0.5 的倍数';
    return Number.isInteger(value) ? null : '请输入不小于 0 的整数';
  }
  if (unit === 'percent') {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100
      ? null
      : '百分比须在 0 到 100 之间';
  }
  if (unit === 'ratio') {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1
      ? null
      : '比例须在 0 到 1 之间';
  }
  if (unit === 'to_one') {
    return typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= 10
      ? null
      : '比例须在 1:1 到 10:1 之间';
  }
  if (unit === 'boolean') return typeof value === 'boolean' ? null : '请选择“是”或“否”';
  if (unit === 'list') {
    if (
      !Array.isArray(value) ||
      value.length === 0 ||
      value.some((v) => typeof v !== 'string' || v.trim() === '')
    ) {
      return '请输入一项或多项文字';
    }
    return new Set(value).size === value.length ? null : '列表中有重复项';
  }
  if (unit === 'ladder') return ladderProblem(value);
  if (unit === 'authority') return authorityTableProblem(value);
  if (unit === 'weights') {
    const v = value as Record<string, unknown> | null;
    const ok =
      !!v &&
      typeof v === 'object' &&
      Object.values(v).every((x) => typeof x === 'number' && x >= 0 && x <= 1) &&
      Math.abs(Object.values(v).reduce<number>((a, x) => a + (x as number), 0) - 1) < 1e-9;
    return ok ? null : '各项权重须在 0 到 1 之间且合计为 1';
  }
  if (unit === 'rounding')
    return typeof value === 'string' && value in ROUNDING_VALUES
      ? null
      : '请选择向下取整、四舍五入或向上取整';
  return `未知的规则单位：${unit}`;
}

/** 选拔任用决定权限: for each position level code, the deciding body codes that may decide it. */
function authorityTableProblem(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return '决定权限须按职务层次填写';
  for (const [level, bodies] of Object.entries(value))
    if (!Array.isArray(bodies) || bodies.some((b) => typeof b !== 'string' || !/^[a-z0-9_]+$/.test(b)))
      return `职务层次 ${level} 的决定机构须为机构编码的列表`;
  return null;
}

const STEPS = ['light', 'serious', 'grave'];

/** A penalty ladder: for each category code, the sanction kind codes of 情节较轻 / 较重 / 严重. */
function ladderProblem(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return '处理档次须按类别填写';
  for (const [category, steps] of Object.entries(value)) {
    if (!steps || typeof steps !== 'object' || Array.isArray(steps))
      return `类别 ${category} 的处理档次格式不正确`;
    for (const [step, kinds] of Object.entries(steps)) {
      if (!STEPS.includes(step)) return `类别 ${category} 的情节 ${step} 不正确（应为 light/serious/grave）`;
      if (!Array.isArray(kinds) || kinds.some((k) => typeof k !== 'string' || !/^[a-z0-9_]+$/.test(k)))
        return `类别 ${category} 的处理种类须为处理种类编码的列表`;
    }
  }
  return null;
}

/** The value as a Chinese reader expects it: "5 个工作日", "50%", "是", "基本称职、不称职". */
export function formatRuleValue(unit: string, value: unknown): string {
  if (unit === 'boolean') return value ? '是' : '否';
  if (unit === 'list') return Array.isArray(value) ? value.join('、') : String(value);
  if (unit === 'ladder' && value && typeof value === 'object')
    return `${Object.keys(value).length} 类，每类按情节较轻、较重、严重列出处理种类`;
  if (unit === 'weights' && value && typeof value === 'object')
    return Object.entries(value)
      .map(
        ([k, v]) =>
          `${k === 'exam' ? '笔试' : k === 'interview' ? '面试' : k} ${+(Number(v) * 100).toFixed(2)}%`,
      )
      .join('，');
  if (unit === 'authority' && value && typeof value === 'object')
    return `${Object.keys(value).length} 个职务层次，每层列出可作决定的机构`;
  if (unit === 'rounding') return ROUNDING_VALUES[String(value)] ?? String(value);
  if (unit === 'ratio' && typeof value === 'number') return `${+(value * 100).toFixed(2)}%`;
  if (unit === 'percent') return `${value}%`;
  if (unit === 'to_one') return `${value}:1`;
  const suffix = RULE_UNITS[unit] ?? '';
  return suffix ? `${value} ${suffix}` : String(value);
}
