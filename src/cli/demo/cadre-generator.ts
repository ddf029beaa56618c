import { idCheckChar } from '../../domain/id-number.js';
import type { CadreFields } from '../../server/modules/cadres/contract.js';

/**
 * Plausible, made-up cadres for the demo and the benchmark: names, valid ID numbers, posts that fit
 * the org kind, tenures and probation. Deterministic for a seed; no real persons.
 */
export interface GeneratedPost {
  title: string;
  level: string | null;
  isPrincipal: boolean;
}

export interface GeneratedCadre {
  fields: CadreFields;
  post: GeneratedPost;
  tenureStart: string;
  probationEnd: string | null;
}

const SURNAMES =
  '王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严武戴孔汤';
const GIVEN =
  '建国华明丽强静志刚晓燕海涛平红勇芳振萍伟敏军霞杰娟磊艳洋文斌辉鹏飞玲婷雪梅兰春秋宇浩然子涵思雨欣怡俊峰德胜永福金玉秀英桂凤丹阳光荣新民卫东向前跃进';
const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '回族', '满族'];
const EDUCATION: [string, string, number][] = [
  ['postgraduate', '研究生', 0.08],
  ['bachelor', '大学本科', 0.45],
  ['college', '大学专科', 0.3],
  ['secondary', '中专', 0.07],
  ['high_school', '高中', 0.07],
  ['middle_school', '初中及以下', 0.03],
];
const SCHOOLS = [
  '北京师范大学',
  '中国农业大学',
  '首都经济贸易大学',
  '北京联合大学',
  '北京农学院',
  '中央党校函授学院',
];
const MAJORS = ['汉语言文学', '行政管理', '农业经济管理', '法学', '会计学', '计算机科学与技术'];
const PLACES = ['北京大兴', '河北固安', '河北涿州', '山东德州', '河南安阳', '北京房山'];

export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POSTS: Record<string, GeneratedPost[]> = {
  township: [
    { title: '党委书记', level: 'zhengke', isPrincipal: true },
    { title: '镇长', level: 'zhengke', isPrincipal: true },
    { title: '党委副书记', level: 'fuke', isPrincipal: false },
    { title: '副镇长', level: 'fuke', isPrincipal: false },
    { title: '副镇长', level: 'fuke', isPrincipal: false },
    { title: '组织委员', level: 'fuke', isPrincipal: false },
    { title: '纪委书记', level: 'fuke', isPrincipal: false },
    { title: '宣传委员', level: 'fuke', isPrincipal: false },
  ],
  department: [
    { title: '主任', level: 'middle_principal', isPrincipal: true },
    { title: '副主任', level: 'middle_deputy', isPrincipal: false },
  ],
  village: [
    { title: '党支部书记', level: 'village', isPrincipal: true },
    { title: '村委会主任', level: 'village', isPrincipal: true },
    { title: '村委会副主任', level: 'village', isPrincipal: false },
    { title: '村委会委员', level: 'village', isPrincipal: false },
    { title: '村委会委员', level: 'village', isPrincipal: false },
  ],
  group: [{ title: '村民小组长', level: 'group', isPrincipal: true }],
};
const STAFF: GeneratedPost = { title: '科员', level: null, isPrincipal: false };

const pad = (n: number) => String(n).padStart(2, '0');
const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];

export interface GeneratorOrg {
  id: number;
  kind: string;
}

/** `count` cadres spread over the orgs: every post of each org filled first, the rest as staff of departments. */
export function generateCadres(
  orgs: GeneratorOrg[],
  count: number,
  seed: number,
  usedIds = new Set<string>(),
): GeneratedCadre[] {
  const r = rng(seed);
  const slots: { orgId: number; post: GeneratedPost }[] = orgs.flatMap((o) =>
    (POSTS[o.kind] ?? []).map((post) => ({ orgId: o.id, post })),
  );
  const departments = orgs.filter((o) => o.kind === 'department');
  const staffOrgs = departments.length ? departments : orgs;
  const out: GeneratedCadre[] = [];
  for (let i = 0; i < count; i++) {
    const slot = slots[i] ?? { orgId: staffOrgs[i % staffOrgs.length].id, post: STAFF };
    const gender = r() < 0.62 ? '男' : '女';
    const year = 1966 + Math.floor(r() * 36);
    const birthDate = `${year}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
    let idNumber = '';
    for (let seq = Math.floor(r() * 499); !idNumber || usedIds.has(idNumber); seq = (seq + 1) % 499) {
      const body = `110115${birthDate.replaceAll('-', '')}${String(seq * 2 + (gender === '男' ? 1 : 0)).padStart(3, '0')}`;
      idNumber = body + idCheckChar(body);
    }
    usedIds.add(idNumber);
    const edu = pickWeighted(r, EDUCATION);
    const workYear = Math.min(2024, year + 19 + Math.floor(r() * 5));
    const start = Math.min(2026, Math.max(workYear + 1, 2012 + Math.floor(r() * 15)));
    const tenureStart = `${start}-${pad(1 + Math.floor(r() * (start === 2026 ? 9 : 12)))}-01`;
    const recent = start >= 2025 && slot.post.isPrincipal && slot.post.level !== 'group';
    const name = pick(r, [...SURNAMES]) + pick(r, [...GIVEN]) + (r() < 0.7 ? pick(r, [...GIVEN]) : '');
    out.push({
      post: slot.post,
      tenureStart,
      probationEnd: recent ? `${start + 1}${tenureStart.slice(4)}` : null,
      fields: {
        orgId: slot.orgId,
        name,
        gender,
        birthDate,
        ethnicity: pick(r, ETHNICITIES),
        nativePlace: pick(r, PLACES),
        birthPlace: pick(r, PLACES),
        partyJoinDate:
          r() < 0.75 ? `${workYear + Math.floor(r() * 4)}-${pad(1 + Math.floor(r() * 12))}` : null,
        workStartDate: `${workYear}-${pad(7 + Math.floor(r() * 3))}`,
        politicalStatus: r() < 0.75 ? 'cpc' : r() < 0.5 ? 'none' : 'league',
        health: '健康',
        education: edu[0],
        fullTimeEducation: edu[1],
        fullTimeDegree: edu[0] === 'bachelor' ? '学士' : edu[0] === 'postgraduate' ? '硕士' : null,
        fullTimeSchool: ['bachelor', 'postgraduate', 'college'].includes(edu[0])
          ? `${pick(r, SCHOOLS)}${pick(r, MAJORS)}专业`
          : null,
        currentPosition: slot.post.title,
        idNumber,
        phone: `13${Math.floor(100000000 + r() * 899999999)}`,
        status: 'active',
      },
    });
  }
  return out;
}

function pickWeighted(r: () => number, xs: [string, string, number][]) {
  let x = r();
  for (const item of xs) {
    x -= item[2];
    if (x <= 0) return item;
  }
  return xs[xs.length - 1];
}
