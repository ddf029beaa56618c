import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  ControlOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  HomeOutlined,
  IdcardOutlined,
  LikeOutlined,
  MailOutlined,
  MessageOutlined,
  OrderedListOutlined,
  PieChartOutlined,
  ReadOutlined,
  SafetyOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';

/**
 * Every page of the admin shell. The menu is built from this list and the caller's permissions;
 * each page is its own chunk. A feature adds its entries here.
 */
export interface FeatureRoute {
  path: string;
  label: string;
  icon?: ReactNode;
  /** Shown only to callers with this permission (any of them, when a list). */
  permission?: string | string[];
  /** Menu group; pages without one sit at the top level. */
  group?: keyof typeof MENU_GROUPS;
  /** Not in the menu (detail pages). */
  hidden?: boolean;
  /**
   * In the menu only for callers with this permission (any of them): reference pages every role may
   * read (calendar, rules, dictionaries) are listed for those who maintain them, not for every officer.
   */
  menuPermission?: string | string[];
  /** The page shows protected data: overlay the user-and-time watermark. */
  watermark?: boolean;
  page: LazyExoticComponent<ComponentType>;
}

export const MENU_GROUPS = {
  system: { label: '系统管理', icon: <SettingOutlined /> },
  security: { label: '安全管理', icon: <SafetyOutlined /> },
};

export const FEATURES: FeatureRoute[] = [
  {
    path: '/',
    label: '工作台',
    icon: <HomeOutlined />,
    page: lazy(() => import('./features/home/HomePage')),
  },
  {
    path: '/dashboard',
    label: '领导驾驶舱',
    icon: <DashboardOutlined />,
    permission: 'dashboard.view',
    watermark: true,
    page: lazy(() => import('./features/dashboard/DashboardPage')),
  },
  {
    path: '/todos',
    label: '待办',
    icon: <CheckSquareOutlined />,
    permission: 'todo.read',
    page: lazy(() => import('./features/todos/TodosPage')),
  },
  {
    path: '/cadres',
    label: '干部名册',
    icon: <IdcardOutlined />,
    permission: 'cadre.read',
    watermark: true,
    page: lazy(() => import('./features/cadres/RosterPage')),
  },
  {
    path: '/cadres/:id',
    label: '干部信息',
    hidden: true,
    permission: 'cadre.read',
    watermark: true,
    page: lazy(() => import('./features/cadres/CadreDetailPage')),
  },
  {
    path: '/petitions',
    label: '信访举报',
    icon: <MailOutlined />,
    permission: ['petition.read', 'petition.assigned'],
    watermark: true,
    page: lazy(() => import('./features/petitions/PetitionsPage')),
  },
  {
    path: '/petitions/:id',
    label: '信访件',
    hidden: true,
    permission: ['petition.read', 'petition.assigned'],
    watermark: true,
    page: lazy(() => import('./features/petitions/PetitionDetailPage')),
  },
  {
    path: '/petitions/stats',
    label: '信访统计',
    icon: <BarChartOutlined />,
    permission: 'petition.stats',
    watermark: true,
    page: lazy(() => import('./features/petition-stats/PetitionStatsPage')),
  },
  {
    path: '/admonitions',
    label: '谈话诫勉',
    icon: <SolutionOutlined />,
    permission: 'admonition.read',
    watermark: true,
    page: lazy(() => import('./features/admonitions/AdmonitionsPage')),
  },
  {
    path: '/admonitions/import',
    label: '导入诫勉台帐',
    hidden: true,
    permission: 'admonition.manage',
    watermark: true,
    page: lazy(() => import('./features/admonitions/LedgerImportPage')),
  },
  {
    path: '/admonitions/:id',
    label: '谈话诫勉记录',
    hidden: true,
    permission: 'admonition.read',
    watermark: true,
    page: lazy(() => import('./features/admonitions/AdmonitionDetailPage')),
  },
  {
    path: '/inquiries',
    label: '函询',
    icon: <MessageOutlined />,
    permission: ['inquiry.read', 'inquiry.endorse'],
    watermark: true,
    page: lazy(() => import('./features/admonitions/InquiriesPage')),
  },
  {
    path: '/inquiries/import',
    label: '导入函询台帐',
    hidden: true,
    permission: 'inquiry.manage',
    watermark: true,
    page: lazy(() => import('./features/admonitions/InquiryLedgerImportPage')),
  },
  {
    path: '/inquiries/:id',
    label: '函询记录',
    hidden: true,
    permission: ['inquiry.read', 'inquiry.endorse'],
    watermark: true,
    page: lazy(() => import('./features/admonitions/InquiryDetailPage')),
  },
  {
    path: '/my-admonitions',
    label: '我的诫勉',
    icon: <MessageOutlined />,
    permission: 'admonition.own_report',
    page: lazy(() => import('./features/admonitions/MyAdmonitionsPage')),
  },
  {
    path: '/my-admonitions/:id',
    label: '诫勉期间书面报告',
    hidden: true,
    permission: 'admonition.own_report',
    page: lazy(() => import('./features/admonitions/MyAdmonitionPage')),
  },
  {
    path: '/my-inquiries',
    label: '我的函询',
    icon: <MessageOutlined />,
    permission: 'inquiry.reply',
    page: lazy(() => import('./features/admonitions/MyInquiriesPage')),
  },
  {
    path: '/my-inquiries/:id',
    label: '回复函询',
    hidden: true,
    permission: 'inquiry.reply',
    page: lazy(() => import('./features/admonitions/MyInquiryPage')),
  },
  {
    path: '/summaries',
    label: '年度工作总结',
    icon: <FileTextOutlined />,
    permission: 'summary.manage',
    watermark: true,
    page: lazy(() => import('./features/summaries/SummariesPage')),
  },
  {
    path: '/petitions/stats/import',
    label: '导入信访台帐',
    hidden: true,
    permission: 'petition.import',
    page: lazy(() => import('./features/petition-stats/LedgerImportPage')),
  },
  {
    path: '/policies',
    label: '制度汇编',
    icon: <FileTextOutlined />,
    permission: 'policy.read',
    page: lazy(() => import('./features/policies/PoliciesPage')),
  },
  {
    path: '/policies/:id',
    label: '制度',
    hidden: true,
    permission: 'policy.read',
    page: lazy(() => import('./features/policies/PolicyDetailPage')),
  },
  {
    path: '/my-policies',
    label: '我的学习',
    icon: <ReadOutlined />,
    permission: 'policy.read',
    page: lazy(() => import('./features/policies/MyStudyPage')),
  },
  {
    path: '/my-policies/:id',
    label: '学习制度',
    hidden: true,
    permission: 'policy.read',
    page: lazy(() => import('./features/policies/MyStudyReadPage')),
  },
  {
    path: '/accountability',
    label: '责任追究',
    icon: <AlertOutlined />,
    permission: 'accountability.read',
    watermark: true,
    page: lazy(() => import('./features/accountability/AccountabilityPage')),
  },
  {
    path: '/accountability/import',
    label: '导入责任追究台帐',
    hidden: true,
    permission: 'accountability.manage',
    watermark: true,
    page: lazy(() => import('./features/admonitions/AccountabilityLedgerImportPage')),
  },
  {
    path: '/accountability/:id',
    label: '追究事项',
    hidden: true,
    permission: 'accountability.read',
    watermark: true,
    page: lazy(() => import('./features/accountability/AccountabilityDetailPage')),
  },
  {
    path: '/appointments',
    label: '选拔任用',
    icon: <SolutionOutlined />,
    permission: 'appointment.read',
    watermark: true,
    page: lazy(() => import('./features/appointments/AppointmentsPage')),
  },
  {
    path: '/appointments/:id',
    label: '选拔任用纪实',
    hidden: true,
    permission: 'appointment.read',
    watermark: true,
    page: lazy(() => import('./features/appointments/AppointmentDetailPage')),
  },
  {
    path: '/audits',
    label: '经济责任审计',
    icon: <AuditOutlined />,
    permission: 'econ_audit.read',
    watermark: true,
    page: lazy(() => import('./features/audits/AuditsPage')),
  },
  {
    path: '/audits/:id',
    label: '审计项目',
    hidden: true,
    permission: 'econ_audit.read',
    watermark: true,
    page: lazy(() => import('./features/audits/AuditDetailPage')),
  },
  {
    path: '/audit-meetings',
    label: '审计联席会议',
    icon: <TeamOutlined />,
    permission: 'econ_audit.read',
    watermark: true,
    page: lazy(() => import('./features/audits/MeetingsPage')),
  },
  {
    path: '/audit-meetings/:id',
    label: '联席会议',
    hidden: true,
    permission: 'econ_audit.read',
    watermark: true,
    page: lazy(() => import('./features/audits/MeetingDetailPage')),
  },
  {
    path: '/audit-visits',
    label: '跟踪回访',
    icon: <SolutionOutlined />,
    permission: 'econ_audit.read',
    watermark: true,
    page: lazy(() => import('./features/audits/VisitsPage')),
  },
  {
    path: '/rectification',
    label: '审计整改',
    icon: <CheckSquareOutlined />,
    permission: ['econ_audit.read', 'rectification.unit'],
    watermark: true,
    page: lazy(() => import('./features/audits/ItemsPage')),
  },
  {
    path: '/rectification/:id',
    label: '整改事项',
    hidden: true,
    permission: ['econ_audit.read', 'rectification.unit'],
    watermark: true,
    page: lazy(() => import('./features/audits/ItemDetailPage')),
  },
  {
    path: '/assessments/grades',
    label: '年度考核',
    icon: <TrophyOutlined />,
    permission: 'assessment.read',
    watermark: true,
    page: lazy(() => import('./features/assessments/GradesPage')),
  },
  {
    path: '/assessments/rounds',
    label: '单位考评排名',
    icon: <OrderedListOutlined />,
    permission: 'assessment.read',
    page: lazy(() => import('./features/assessments/RoundsPage')),
  },
  {
    path: '/assessments/rounds/:id',
    label: '排名通报',
    hidden: true,
    permission: 'assessment.read',
    page: lazy(() => import('./features/assessments/RoundDetailPage')),
  },
  {
    path: '/assessments/evaluations',
    label: '民主测评',
    icon: <LikeOutlined />,
    permission: 'assessment.read',
    watermark: true,
    page: lazy(() => import('./features/assessments/EvaluationsPage')),
  },
  {
    path: '/assessments/evaluations/:id',
    label: '民主测评结果',
    hidden: true,
    permission: 'assessment.read',
    watermark: true,
    page: lazy(() => import('./features/assessments/EvaluationDetailPage')),
  },
  {
    path: '/assessments/indicators',
    label: '动态考核指标',
    icon: <ControlOutlined />,
    permission: 'assessment.read',
    page: lazy(() => import('./features/assessments/IndicatorsPage')),
  },
  {
    path: '/assessments/structure',
    label: '干部素质结构',
    icon: <PieChartOutlined />,
    permission: 'assessment.read',
    page: lazy(() => import('./features/assessments/StructurePage')),
  },
  {
    path: '/positions',
    label: '职务管理',
    icon: <ApartmentOutlined />,
    permission: 'cadre.manage',
    page: lazy(() => import('./features/cadres/PositionsPage')),
  },
  {
    path: '/profile',
    label: '个人设置',
    hidden: true,
    page: lazy(() => import('./features/profile/ProfilePage')),
  },
  {
    path: '/cadres/:id/file',
    label: '干部监督档案',
    hidden: true,
    permission: 'cadre.file',
    watermark: true,
    page: lazy(() => import('./features/cadre-file/CadreFilePage')),
  },
  {
    path: '/cadres/import/lrmx',
    label: '导入任免审批表',
    hidden: true,
    permission: 'cadre.import',
    watermark: true,
    page: lazy(() => import('./features/cadre-import-lrmx/ImportLrmxPage')),
  },
  {
    path: '/cadres/import/excel',
    label: '导入干部花名册',
    hidden: true,
    permission: 'cadre.import',
    page: lazy(() => import('./features/cadre-import-excel/ImportExcelPage')),
  },
  {
    path: '/orgs',
    label: '组织机构',
    icon: <ClusterOutlined />,
    group: 'system',
    permission: 'org.manage',
    page: lazy(() => import('./features/orgs/OrgsPage')),
  },
  {
    path: '/users',
    label: '用户管理',
    icon: <TeamOutlined />,
    group: 'system',
    // an administration page: account managers and the security administrator, not every reader of users
    permission: ['user.manage', 'role.manage'],
    page: lazy(() => import('./features/users/UsersPage')),
  },
  {
    path: '/roles',
    label: '角色权限',
    icon: <SafetyOutlined />,
    group: 'security',
    permission: 'role.read',
    page: lazy(() => import('./features/roles/RolesPage')),
  },
  {
    path: '/audit',
    label: '审计日志',
    icon: <AuditOutlined />,
    group: 'security',
    permission: 'audit.read',
    watermark: true,
    page: lazy(() => import('./features/audit/AuditPage')),
  },
  {
    path: '/calendar',
    label: '工作日历',
    icon: <CalendarOutlined />,
    group: 'system',
    permission: 'calendar.read',
    menuPermission: 'calendar.manage',
    page: lazy(() => import('./features/calendar/CalendarPage')),
  },
  {
    path: '/rules',
    label: '规则配置',
    icon: <ControlOutlined />,
    group: 'system',
    permission: 'rule.read',
    menuPermission: 'rule.manage',
    page: lazy(() => import('./features/rules/RulesPage')),
  },
  {
    path: '/backups',
    label: '数据备份',
    icon: <DatabaseOutlined />,
    group: 'system',
    permission: 'backup.manage',
    page: lazy(() => import('./features/backups/BackupsPage')),
  },
  {
    path: '/dicts',
    label: '数据字典',
    icon: <BookOutlined />,
    group: 'system',
    permission: 'dict.read',
    menuPermission: 'dict.manage',
    page: lazy(() => import('./features/dictionaries/DictionariesPage')),
  },
];

const any = (p: string | string[] | undefined, can: (p: string) => boolean) =>
  !p || (Array.isArray(p) ? p.some(can) : can(p));

/** May the caller open the page. */
export const allowed = (f: FeatureRoute, can: (p: string) => boolean) => any(f.permission, can);

/** Is the page in the caller's menu (and on the home page's shortcuts). */
export const inMenu = (f: FeatureRoute, can: (p: string) => boolean) =>
  !f.hidden && allowed(f, can) && any(f.menuPermission, can);
