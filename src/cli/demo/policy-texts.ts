/**
 * The institutions of the seed's 干部监督管理工作总结 (大兴镇), each with a short text in the
 * summary's own words, its adoption date and the rule-data entries it sources.
 */
export interface DemoPolicy {
  title: string;
  number: string;
  category: string;
  adoptedOn: string;
  body: string;
  ruleKeys?: string[];
  /** A revision adopted later (in the demo year): its date, text and note. */
  revision?: { adoptedOn: string; body: string; note: string };
  quiz?: { passMark: number; questions: { question: string; options: string[]; answer: number }[] };
}

const lines = (...l: string[]) => l.join('\n');

export const DAXING_POLICIES: DemoPolicy[] = [
  {
    title: '干部任前公示制',
    number: '大兴党发〔2024〕5号',
    category: '规范选人用人',
    adoptedOn: '2024-03-12',
    body: lines(
      '第一条 为规范选人用人行为，充分体现公开、公正的原则，制定本制度。',
      '第二条 镇党委拟提拔任用的干部，在任职前向社会公示，接受群众监督。',
      '第三条 对拟提拔公示干部的举报，由纪委牵头，会同有关部门迅速查处报结，为镇党委提供用人决策依据。',
      '第四条 调查处理结果回复反映人。',
    ),
    ruleKeys: ['appointment.notice_period'],
  },
  {
    title: '竞争上岗制',
    number: '大兴党发〔2024〕6号',
    category: '规范选人用人',
    adoptedOn: '2024-03-12',
    body: lines(
      '第一条 为规范选人用人行为，充分体现公开、公正的原则，中层岗位实行竞争上岗。',
      '第二条 竞争上岗的岗位、条件、程序和结果向全镇公开。',
    ),
  },
  {
    title: '公开选拔制',
    number: '大兴党发〔2024〕7号',
    category: '规范选人用人',
    adoptedOn: '2024-03-12',
    body: lines(
      '第一条 为充分体现公开、公正的原则，干部选拔实行公开选拔。',
      '第二条 公开选拔的职位、资格条件和选拔程序事先公布。',
    ),
  },
  {
    title: '公开推荐制',
    number: '大兴党发〔2024〕8号',
    category: '规范选人用人',
    adoptedOn: '2024-03-12',
    body: lines(
      '第一条 干部推荐实行公开推荐，充分体现公开、公正的原则。',
      '第二条 推荐结果作为镇党委用人决策的重要依据。',
    ),
  },
  {
    title: '大兴镇干部管理工作暂行规定',
    number: '大兴党发〔2024〕12号',
    category: '干部日常管理',
    adoptedOn: '2024-05-20',
    body: lines(
      '第一条 为完善干部日常管理机制，实现管理权与事权的有效结合，制定本规定。',
      '第二条 中层以下干部的考察任命权下放至各单位党组织，报镇党委备案。',
      '第三条 在目标考评、现场观摩、行风评比等重大阶段性工作的评比中排名处于末位的单位，由镇党委政府对其主要负责人进行惩处。',
    ),
    ruleKeys: ['ranking.last_place_warning_rounds', 'pledge.appraisal_failure_threshold'],
    revision: {
      adoptedOn: '2025-06-18',
      body: lines(
        '第一条 为完善干部日常管理机制，实现管理权与事权的有效结合，制定本规定。',
        '第二条 中层以下干部的考察任命权下放至各单位党组织，报镇党委备案。',
        '第三条 在目标考评、现场观摩、行风评比等重大阶段性工作的评比中排名处于末位的单位，由镇党委政府对其主要负责人进行惩处。',
        '第四条 连续两次工作排名处于末位的，对单位主要领导给予警告，其年度考核为不合格。',
        '第五条 村干部实行任期承诺制，述诺评诺不合格票超过规定比例的，启动诫勉谈话。',
      ),
      note: '增加连续末位的惩处和村干部述诺评诺',
    },
    quiz: {
      passMark: 100,
      questions: [
        {
          question: '连续几次工作排名处于末位的，对单位主要领导给予警告？',
          options: ['一次', '两次', '三次'],
          answer: 1,
        },
      ],
    },
  },
  {
    title: '谈话诫勉制度',
    number: '大兴党发〔2024〕15号',
    category: '教育警示',
    adoptedOn: '2024-06-03',
    body: lines(
      '第一条 对既存在一定问题，但又不足以给予党纪、政纪处理的领导干部进行超前提示和预警，达到教育、警示的目的。',
      '第二条 在组织考察、民主测评、民主生活会、动态考核及群众来信来访等方面反映干部在工作中出现失误或者在工作中、生活中出现苗头性、倾向性问题的，及时给予谈话诫勉。',
      '第三条 对被诫勉对象进行六个月的跟踪管理，并进行定期考核。',
      '第四条 表现较好的，及时解除诫勉，不影响其提拔使用；表现较差的，采取必要的组织措施。',
    ),
    ruleKeys: ['admonition.tracking_period', 'admonition.promotion_block'],
  },
  {
    title: '干部向组织回复有关问题制度',
    number: '大兴党发〔2024〕16号',
    category: '教育警示',
    adoptedOn: '2024-06-03',
    body: lines(
      '第一条 对在工作、生活上有苗头性、倾向性问题的干部进行教育警示。',
      '第二条 干部对组织函询的问题，应在规定期限内如实向组织作出书面回复。',
    ),
    ruleKeys: ['inquiry.reply'],
  },
  {
    title: '干部动态考核制度',
    number: '大兴党发〔2024〕18号',
    category: '实绩考核',
    adoptedOn: '2024-07-08',
    body: lines(
      '第一条 为加强对干部实绩的考核，对干部实行动态考核。',
      '第二条 动态考核结果作为谈话诫勉、评优评先和选拔任用的依据。',
    ),
    ruleKeys: ['review.excellent_cap'],
  },
  {
    title: '离任审计制度',
    number: '大兴党发〔2024〕19号',
    category: '实绩考核',
    adoptedOn: '2024-07-08',
    body: lines(
      '第一条 把离任审计作为干部监督管理的一项重要手段，实行领导干部定期审计和重点审计制度，建立审计台帐。',
      '第二条 镇党委定期、不定期召开纪检、组织、财政等部门主要负责人联席会议，通报审计情况，研究落实审计建议。',
      '第三条 对各单位落实审计意见情况进行跟踪回访，保证审计意见得到及时落实。',
    ),
  },
  {
    title: '三改四制',
    number: '大兴党发〔2025〕2号',
    category: '基层干部队伍建设',
    adoptedOn: '2025-02-26',
    body: lines(
      '第一条 在全镇村级组织建设中实行“三改四制”，精简干部队伍，提高干部素质，改进干部作风。',
      '第二条 三改：改革村干部管理体制，改善村干部素质结构，改进工作作风和工作方法。',
      '第三条 四制：实行村干部公开选拔制，村组干部交叉兼职制，村务、财务公开制，村干部任期承诺制。',
    ),
    ruleKeys: ['disclosure.village_finance', 'disclosure.village_affairs'],
  },
  {
    title: '考察失误追究制度',
    number: '大兴党发〔2025〕4号',
    category: '组织人事自身约束',
    adoptedOn: '2025-03-18',
    body: lines(
      '第一条 严格考察纪律，明确干部选拔任用工作责任。',
      '第二条 规范组织人事干部在干部选拔任用过程中的行为；考察失真失实的，追究考察人员的责任。',
    ),
  },
  {
    title: '选拔任用干部失察追究制度',
    number: '大兴党发〔2025〕5号',
    category: '组织人事自身约束',
    adoptedOn: '2025-03-18',
    body: lines(
      '第一条 明确组织人事干部在干部推荐、考察、任用等各个环节所应负的责任。',
      '第二条 违规任免干部的，责任人和承办人在全镇大会上点名批评，并撤销有关任免决定。',
    ),
  },
  {
    title: '工作失误追究制',
    number: '大兴党发〔2025〕9号',
    category: '责任追究',
    adoptedOn: '2025-04-22',
    body: lines(
      '第一条 干部在作出错误决策造成严重后果等8个方面的情形，必须给予责任追究。',
      '第二条 追究方式包括诫勉谈话、通报批评、组织处理和党政纪处分。',
    ),
    revision: {
      adoptedOn: '2025-10-15',
      body: lines(
        '第一条 干部在作出错误决策造成严重后果等8个方面的情形，必须给予责任追究。',
        '第二条 追究方式包括诫勉谈话、通报批评、组织处理和党政纪处分。',
        '第三条 计划生育等重点工作失职的，依照本制度追究责任。',
      ),
      note: '明确重点工作失职的追究',
    },
  },
  {
    title: '末位惩处制度',
    number: '大兴党发〔2025〕10号',
    category: '责任追究',
    adoptedOn: '2025-04-22',
    body: lines(
      '第一条 在目标考评、现场观摩、行风评比等重大阶段性工作的评比中排名处于末位的单位，由镇党委政府对其主要负责人进行惩处。',
      '第二条 连续两次工作排名处于末位的对单位主要领导给予警告，其年度考核为不合格。',
    ),
    ruleKeys: ['ranking.last_place_warning_rounds'],
  },
];

/** A few of 青山镇's own. */
export const QINGSHAN_POLICIES: DemoPolicy[] = [
  {
    title: '青山镇谈话诫勉制度',
    number: '青山党发〔2024〕9号',
    category: '教育警示',
    adoptedOn: '2024-09-10',
    body: '对在工作、生活中出现苗头性、倾向性问题的干部，及时给予谈话诫勉，并进行六个月的跟踪管理。',
    ruleKeys: ['admonition.tracking_period'],
  },
  {
    title: '青山镇离任审计制度',
    number: '青山党发〔2025〕3号',
    category: '实绩考核',
    adoptedOn: '2025-05-06',
    body: '领导干部离任时实施经济责任审计，建立审计台帐，跟踪落实审计意见。',
  },
];
