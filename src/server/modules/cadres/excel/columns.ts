import type { RosterKey } from '../../../../domain/roster-row.js';
import { CADRE_STATUSES } from '../contract.js';

/** Where a column's closed list of values comes from, for the template's drop-downs. */
export type ListSource =
  | { dictionary: 'education' | 'political_status' | 'position_level' }
  | { fixed: string[] };

export interface RosterColumn {
  key: RosterKey;
  header: string;
  width: number;
  /** Stored as text in the template, so Excel keeps leading zeros, long numbers and dotted dates. */
  text?: boolean;
  list?: ListSource;
  help: string;
}

const DATE_HELP = '日期，可写 1990.01、1990-01、1990年1月、19900115 或 Excel 日期';

/** The 花名册 layout: one definition for the template, the import and the export. */
export const ROSTER_COLUMNS: RosterColumn[] = [
  { key: 'seq', header: '序号', width: 6, help: '序号，可留空，导入时不使用' },
  { key: 'name', header: '姓名', width: 10, help: '必填，不超过 20 字' },
  {
    key: 'gender',
    header: '性别',
    width: 6,
    list: { fixed: ['男', '女'] },
    help: '男或女；留空时按身份证号码确定',
  },
  { key: 'ethnicity', header: '民族', width: 8, help: '如 汉族' },
  {
    key: 'birthDate',
    header: '出生年月',
    width: 11,
    text: true,
    help: `${DATE_HELP}；写到月时，日取自身份证号码；留空时按身份证号码确定`,
  },
  {
    key: 'idNumber',
    header: '身份证号码',
    width: 21,
    text: true,
    help: '18 位，末位可为 X；系统校验校验位，同一号码不能重复',
  },
  { key: 'nativePlace', header: '籍贯', width: 12, help: '如 江苏南京' },
  {
    key: 'politicalStatus',
    header: '政治面貌',
    width: 12,
    list: { dictionary: 'political_status' },
    help: '从下拉列表选择',
  },
  { key: 'partyJoinDate', header: '入党时间', width: 11, text: true, help: DATE_HELP },
  { key: 'workStartDate', header: '参加工作时间', width: 13, text: true, help: DATE_HELP },
  { key: 'fullTimeEducation', header: '全日制学历', width: 12, help: '如 大学本科' },
  { key: 'fullTimeDegree', header: '全日制学位', width: 12, help: '如 学士' },
  { key: 'fullTimeSchool', header: '毕业院校及专业', width: 24, help: '全日制教育的毕业院校及专业' },
  { key: 'partTimeEducation', header: '在职学历', width: 12, help: '如 研究生' },
  { key: 'partTimeDegree', header: '在职学位', width: 12, help: '如 硕士' },
  { key: 'partTimeSchool', header: '在职毕业院校及专业', width: 24, help: '在职教育的毕业院校及专业' },
  {
    key: 'education',
    header: '最高学历',
    width: 12,
    list: { dictionary: 'education' },
    help: '从下拉列表选择',
  },
  {
    key: 'org',
    header: '所在单位',
    width: 20,
    help: '必填，须为您管理范围内的单位；单位名称有重名时写完整路径，如 大兴镇/党政办',
  },
  { key: 'currentPosition', header: '现任职务', width: 20, help: '如 党委副书记' },
  {
    key: 'level',
    header: '职务层次',
    width: 14,
    list: { dictionary: 'position_level' },
    help: '从下拉列表选择；填写时须同时填写任现职时间',
  },
  {
    key: 'isPrincipal',
    header: '是否正职',
    width: 9,
    list: { fixed: ['是', '否'] },
    help: '是或否，留空视为否',
  },
  {
    key: 'tenureStart',
    header: '任现职时间',
    width: 12,
    text: true,
    help: `${DATE_HELP}；与现任职务一起填写时，系统建立该任职经历`,
  },
  {
    key: 'phone',
    header: '联系电话',
    width: 14,
    text: true,
    help: '手机号码 11 位，或固定电话如 010-12345678',
  },
  {
    key: 'status',
    header: '状态',
    width: 8,
    list: { fixed: Object.values(CADRE_STATUSES) },
    help: '在职、离任或退休，留空视为在职',
  },
  { key: 'note', header: '备注', width: 20, help: '不超过 500 字' },
];

export const HEADER_OF = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.header])) as Record<
  RosterKey,
  string
>;

/** A row's reason as the error sheet writes it: the column, then what is wrong, unless it says both. */
export function reasonText(key: RosterKey, message: string): string {
  const header = HEADER_OF[key];
  return message.includes(header) ? message : `${header}：${message}`;
}

/** The cadre contract's field names that are not the column's key. */
export const FIELD_TO_KEY: Record<string, RosterKey> = { orgId: 'org' };

/** Headers other rosters use for the same columns, so a sheet kept by hand imports as it is. */
const ALIASES: Record<string, RosterKey> = {
  出生日期: 'birthDate',
  身份证号: 'idNumber',
  公民身份号码: 'idNumber',
  工作单位: 'org',
  单位: 'org',
  职务: 'currentPosition',
  职务级别: 'level',
  职级: 'level',
  级别: 'level',
  职务职级: 'level',
  层次: 'level',
  任职时间: 'tenureStart',
  电话: 'phone',
  手机号码: 'phone',
  学历: 'education',
};
const headerKey = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
const BY_HEADER = new Map<string, RosterKey>([
  ...ROSTER_COLUMNS.map((c) => [headerKey(c.header), c.key] as [string, RosterKey]),
  ...Object.entries(ALIASES).map(([h, k]) => [headerKey(h), k] as [string, RosterKey]),
]);

/** The column a header cell names, if any. */
export const keyOfHeader = (text: string): RosterKey | undefined => BY_HEADER.get(headerKey(text));

export const ERROR_HEADER = '错误原因';
