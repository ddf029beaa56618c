/**
 * Matters of invented petitions for the demo and the benchmark: by category, a title and a content
 * with {who} (the cadre named, or “有关干部”) and {place} (a village) filled in. No real persons.
 */
export const PETITION_MATTERS: Record<string, { title: string; content: string }[]> = {
  work_style: [
    { title: '反映干部作风问题', content: '{place}{who}工作作风粗暴，群众到村委会办事经常遭到推诿和训斥。' },
    { title: '反映干部长期不在岗', content: '{place}{who}作风漂浮，工作日多次不在岗，群众有事找不到人。' },
    { title: '反映办事推诿拖延', content: '{who}在办理宅基地审批时推诿拖延，半年未给答复，作风不实。' },
    { title: '反映干部态度恶劣', content: '{place}{who}接待来访群众态度恶劣，言语粗俗，影响干群关系。' },
  ],
  integrity: [
    { title: '反映违规收受礼金', content: '{who}在儿子婚礼上收受{place}村民和工程老板礼金，数额较大。' },
    { title: '反映公款吃喝', content: '{place}村委会以招待为名多次在饭店公款吃喝，{who}签字报销。' },
    { title: '反映违规操办婚丧喜庆事宜', content: '{who}为母亲操办丧事大操大办，摆酒四十余桌，借机敛财。' },
    { title: '反映公车私用', content: '{who}周末驾驶公务用车接送家人，车辆停放在私人小区。' },
  ],
  finance: [
    { title: '反映虚报冒领补贴', content: '{place}{who}虚报种粮面积，冒领耕地地力保护补贴。' },
    {
      title: '反映集体资金使用不透明',
      content: '{place}集体经济收入去向不明，账目长期未公开，群众质疑{who}挪用。',
    },
    {
      title: '反映优亲厚友发放补助',
      content: '{who}在发放危房改造补助时优亲厚友，不符合条件的亲属获得补助。',
    },
  ],
  land: [
    {
      title: '反映征地补偿款未足额发放',
      content: '{place}修路征地补偿款至今未足额发放到户，{who}说法前后不一。',
    },
    { title: '反映违规占用耕地', content: '{place}有人在基本农田上建房，{who}知情不报。' },
    {
      title: '反映土地流转不规范',
      content: '{place}土地流转未经村民代表会议讨论，{who}擅自与企业签订合同。',
    },
  ],
  village_affairs: [
    { title: '反映村务公开不及时', content: '{place}村务公开栏半年未更新，财务收支情况群众无从知晓。' },
    { title: '反映低保评定不公', content: '{place}低保评定未经民主评议，{who}的亲戚家境较好却享受低保。' },
    { title: '反映村级工程违规发包', content: '{place}村道硬化工程未公开招标，由{who}指定的施工队承建。' },
  ],
  appointment: [
    { title: '反映选人用人不公', content: '{who}在村后备干部推选中搞小圈子，拉票贿选。' },
    {
      title: '反映拟提拔干部有问题',
      content: '拟提拔人选{who}在{place}任职期间群众意见较大，请组织认真考察。',
    },
  ],
  other: [
    { title: '反映环境卫生问题', content: '{place}垃圾清运不及时，河道漂浮物多，多次反映未解决。' },
    { title: '咨询政策问题', content: '咨询新型农村合作医疗报销政策，{place}群众对报销比例有疑问。' },
  ],
};

export const CATEGORY_CODES = Object.keys(PETITION_MATTERS);

/** Category weights (per mille): work style and integrity are the most frequent. */
const CATEGORY_WEIGHTS = [250, 200, 150, 120, 150, 50, 80];

export function pickCategory(r: number): string {
  let acc = 0;
  const x = r * 1000;
  for (const [i, w] of CATEGORY_WEIGHTS.entries()) {
    acc += w;
    if (x < acc) return CATEGORY_CODES[i];
  }
  return 'other';
}

export function petitionMatter(category: string, pick: number, who: string | null, place: string) {
  const list = PETITION_MATTERS[category] ?? PETITION_MATTERS.other;
  const m = list[pick % list.length];
  const fill = (s: string) => s.replaceAll('{who}', who ?? '有关干部').replaceAll('{place}', place);
  return { title: m.title, content: fill(m.content) };
}

export const REPORT_TEXT = '经调查核实，反映的问题部分属实。已调取有关账目和会议记录，并与相关人员谈话。';
export const OPINION_TEXTS = [
  '建议对被反映人进行批评教育，责令作出书面检查。',
  '建议责令限期整改，并在村务公开栏公示整改情况。',
  '反映问题不属实，建议予以了结，向反映人做好解释说明。',
  '建议对被反映人进行诫勉谈话。',
];
export const REPLY_TEXT = '您反映的问题已调查核实并依规处理，感谢您对我们工作的监督。';
export const DECLINE_REASON = '反映的问题不属于纪检监察机关受理范围，已告知向有关部门反映';

/** Invented reporters: surname + given name, a mobile number. */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['建华', '秀英', '桂兰', '国强', '玉梅', '志明', '春生', '海燕', '德福', '丽娟'];
export function reporterOf(n: number) {
  return {
    name: SURNAMES[n % SURNAMES.length] + GIVEN[Math.floor(n / 20) % GIVEN.length],
    phone: `139${String(10_000_000 + ((n * 7919) % 90_000_000)).padStart(8, '0')}`,
  };
}
