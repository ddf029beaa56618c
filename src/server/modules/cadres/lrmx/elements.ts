/**
 * The elements of the 干部任免审批表 (.lrmx) under the root <Person>, in the order the
 * organization department's editor writes them, with the Chinese name of each box on the form.
 */
export const LRMX_ELEMENTS = {
  XingMing: '姓名',
  XingBie: '性别',
  ChuShengNianYue: '出生年月',
  MinZu: '民族',
  JiGuan: '籍贯',
  ChuShengDi: '出生地',
  RuDangShiJian: '入党时间',
  CanJiaGongZuoShiJian: '参加工作时间',
  JianKangZhuangKuang: '健康状况',
  ZhuanYeJiShuZhiWu: '专业技术职务',
  ShuXiZhuanYeYouHeZhuanChang: '熟悉专业有何专长',
  QuanRiZhiJiaoYu_XueLi: '全日制教育学历',
  QuanRiZhiJiaoYu_XueWei: '全日制教育学位',
  QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '全日制教育毕业院校系及专业（学历）',
  QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '全日制教育毕业院校系及专业（学位）',
  ZaiZhiJiaoYu_XueLi: '在职教育学历',
  ZaiZhiJiaoYu_XueWei: '在职教育学位',
  ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '在职教育毕业院校系及专业（学历）',
  ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '在职教育毕业院校系及专业（学位）',
  XianRenZhiWu: '现任职务',
  NiRenZhiWu: '拟任职务',
  NiMianZhiWu: '拟免职务',
  JianLi: '简历',
  JiangChengQingKuang: '奖惩情况',
  NianDuKaoHeJieGuo: '年度考核结果',
  RenMianLiYou: '任免理由',
  JiaTingChengYuan: '家庭成员',
  ChengBaoDanWei: '呈报单位',
  JiSuanNianLingShiJian: '计算年龄时间',
  TianBiaoShiJian: '填表时间',
  TianBiaoRen: '填表人',
  ShenFenZheng: '身份证号码',
  ZhaoPian: '照片',
  Version: '版本',
} as const;

export type LrmxElement = keyof typeof LRMX_ELEMENTS;

/** The family member boxes, each <Item> under <JiaTingChengYuan>. */
export const FAMILY_ELEMENTS = {
  ChengWei: '称谓',
  XingMing: '姓名',
  ChuShengRiQi: '出生日期',
  ZhengZhiMianMao: '政治面貌',
  GongZuoDanWeiJiZhiWu: '工作单位及职务',
} as const;

/**
 * What a complete form holds for anyone; a file lacking one of these is reported as incomplete.
 * Boxes that are rightly empty for many people (入党时间, 在职教育, 专业技术职务, 拟任/拟免) are not here.
 */
export const EXPECTED_ELEMENTS: LrmxElement[] = [
  'XingBie',
  'ChuShengNianYue',
  'MinZu',
  'JiGuan',
  'ChuShengDi',
  'CanJiaGongZuoShiJian',
  'JianKangZhuangKuang',
  'QuanRiZhiJiaoYu_XueLi',
  'XianRenZhiWu',
  'JianLi',
  'ShenFenZheng',
  'ZhaoPian',
  'JiaTingChengYuan',
];

export const NOT_LRMX = '不是有效的任免审批表（.lrmx）文件';
/** NOT_LRMX with what the file actually is. */
export const notLrmx = (why: string) => `${NOT_LRMX}：${why}`;
export const EXCEL_NOT_LRMX =
  '这是 Excel 工作簿（.xlsx），不是任免审批表（.lrmx）；干部花名册请在“导入干部花名册（Excel）”中导入';
export const WORD_NOT_LRMX =
  '这是 Word 文档（.docx），不是任免审批表（.lrmx）；请在任免审批表软件中打开后另存为 .lrmx 文件';
export const OLD_OFFICE_NOT_LRMX = '这是旧版 Office 文件（.doc / .xls），不是任免审批表（.lrmx）';
