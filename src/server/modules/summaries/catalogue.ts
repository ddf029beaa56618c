import { registerSummaryParagraphs } from './paragraphs.js';

/**
 * The paragraphs of the modules that exist, in the seed's words (the township's own summary).
 * Later modules (audits, admonitions, openness, accountability, assessments) add theirs here with
 * one call each, naming their registry figures.
 */
export function registerAllSummaryParagraphs(): void {
  // 一、制度: the policy library's figures (policies.adopted / policies.revised), when registered
  registerSummaryParagraphs('institutions', [
    {
      id: 'policies.adopted',
      title: '出台制度',
      order: 10,
      template:
        '围绕规范选人用人行为、完善干部日常管理机制、加强基层干部队伍建设和组织人事自身约束，{我}先后出台了{policies.adopted|名录}等{policies.adopted}项制度。',
    },
    {
      id: 'policies.revised',
      title: '修订制度',
      order: 20,
      template:
        '根据工作实际，修订完善了{policies.revised|名录}等{policies.revised}项制度。在加快制度创新的基础上，我们要求{单位}各级党组织加强对制度的学习和贯彻，切实做到组织人事工作的规范、公正、科学。',
    },
  ]);
  // 二、重点: 突出对领导干部的审计监督 (econ_audits.*), in the seed's words
  registerSummaryParagraphs('focus', [
    {
      id: 'econ_audits.audit_supervision',
      title: '审计监督',
      order: 10,
      template:
        '突出对领导干部的审计监督。为全面、客观、公正地识别和选拔干部，我们把离任审计作为干部监督管理的一项重要手段常抓不放，实行领导干部定期审计和重点审计制度，建立审计台帐。{我}党委定期、不定期召开纪检、组织、财政等部门主要负责人联席会议，通报审计情况，研究落实审计建议，并对各单位落实审计意见情况进行跟踪回访，从而保证审计意见得到及时落实。[[全年{我}对{econ_audits.departure}名离任领导干部实施了经济责任审计，]][[审计发现问题{econ_audits.findings}个，]][[整改销号{econ_audits.items_closed}项，]]对广大干部的监督管理起到了很好的促进作用。',
    },
  ]);
  // 二、重点: mass supervision through petitions (信访)
  registerSummaryParagraphs('focus', [
    {
      id: 'petitions.mass_supervision',
      title: '群众监督',
      order: 20,
      template:
        '突出对领导干部的群众监督。监督渠道不宽，言路不畅，是影响人民群众正常行使监督权的重要障碍。我们围绕有信必查、有查必果的原则，对群众来信来访反映干部工作、生活、经济等方面的问题认真调查核实，同时将调查处理结果回复反映人，以充分调动群众参与干部监督管理的积极性。全年{我}共收到[[群众来信{petitions.letter}件，]][[来访{petitions.visitors}人次，]][[按期完成上级交办的信访{petitions.assigned_on_time}件，]][[办结率{petitions.conclusion_rate|%}，]][[上报调查报告{petitions.reports|余}份，]][[提出处理意见{petitions.opinions|余}条]]。',
    },
  ]);
  // 二、重点: 对拟提拔公示干部的举报 (the appointments module's notices and their objections)
  registerSummaryParagraphs('focus', [
    {
      id: 'appointments.notice_reports',
      title: '任前公示举报查处',
      order: 25,
      template:
        '特别是对拟提拔公示干部的举报，由纪委牵头，会同有关部门迅速查处报结，为镇党委提供用人决策依据。[[全年{我}共进行干部任前公示{appointments.notices}次，]][[公示期间群众反映问题{appointments.objections}件均已查处报结，]][[{appointments.appointed}名干部经民主推荐、考察、讨论决定和任前公示后任职。]]',
    },
  ]);
  // 三、配套措施: 加大惩诫力度，强化责任追究 (the accountability register's figures)
  registerSummaryParagraphs('measures', [
    {
      id: 'accountability.punishment',
      title: '责任追究',
      order: 30,
      template:
        '加大惩诫力度，强化责任追究。建立选拔任用干部失察追究制度，明确组织人事干部在干部推荐、考察、任用等各个环节所应负的责任。[[全年{我}有{accountability.criticised_reviewed}名责任人和承办人因违规任免干部受到点名批评，并上台检讨，]][[撤销了有关单位{accountability.revoked_appointments}名干部的任免决定。]]建立工作失误追究制，规定干部在作出错误决策造成严重后果等8个方面的情形必须给予责任追究。[[全年全{单位}有{accountability.work_error_disciplined}名干部因{accountability.work_errors|名称}被给予党政纪处分。]]',
    },
  ]);

  // 三、配套措施: 谈话诫勉 (admonitions.*), in the seed's words
  registerSummaryParagraphs('measures', [
    {
      id: 'admonitions.talks',
      title: '谈话诫勉',
      order: 20,
      template:
        '实施谈话诫勉，强化警示教育。建立谈话诫勉制度，是对既存在一定问题，但又不足以给予党纪、政纪处理的领导干部进行的超前提示和预警，从而达到教育、警示的目的。为了激励先进，鞭策后进，增强领导干部工作责任感和压力感，我们把在组织考察、民主测评、民主生活会、动态考核及群众来信来访等方面反映干部在工作中出现失误或者在工作中、生活中出现苗头性、倾向性问题将及时给予谈话诫勉，同时对被诫勉对象进行六个月的跟踪管理，并进行定期考核，对表现较好的干部，及时解除诫勉，不影响其提拔使用，对表现较差的干部，将采取必要的组织措施。{我}共对{admonitions.started}名同志实施了谈话诫勉[[，其中{admonitions.released}名同志跟踪考察期满后解除诫勉]][[，对{admonitions.measures}名同志采取了组织措施]]。',
    },
  ]);

  registerSummaryParagraphs('measures', [
    {
      id: 'assessments.last_place',
      title: '考核与末位惩处',
      order: 40,
      template:
        '加强对干部实绩的考核，出台了干部动态考核制度。[[全年{我}发布动态考核结果{assessments.dynamic_published}轮。]][[被考核单位平均得分率{assessments.dynamic_score_rate|%}。]]建立末位惩处制度，通过目标考评、现场观摩、行风评比等形式对各单位工作进行排名，排名处于末位的单位，由镇党委政府对其主要负责人进行惩处；连续两次工作排名处于末位的，对单位主要领导给予警告，其年度考核为不合格。[[全年{我}共开展单位考评{assessments.rounds}轮，]][[{assessments.last_places}个单位次排名末位，]][[对{assessments.warnings}名单位主要领导给予警告。]][[组织民主测评{assessments.evaluations}次，收回测评票{assessments.ballots}张。]]',
    },
  ]);
}
