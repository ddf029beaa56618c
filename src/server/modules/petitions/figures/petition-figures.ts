import {
  PETITION_FIGURES,
  type PetitionFigureName,
  petitionFigureKey,
} from '../../../../domain/petition-figures.js';
import {
  BREAKDOWNS,
  type DashboardUse,
  type Figure,
  type FigureSource,
} from '../../../platform/figures/registry.js';
import { countPetitionFigures } from './count-petition-figures.js';
import { preparePetitionCube } from './cube.js';
import { petitionFigureRecords } from './petition-figure-records.js';
import { PETITION_FIGURE_SPECS } from './petition-figure-specs.js';

/** What the leadership dashboard shows of the petitions (the rest stay on the statistics page). */
const DASHBOARD: Partial<Record<PetitionFigureName, DashboardUse[]>> = {
  received: ['card', 'trend', 'org'],
  accepted: ['card'],
  concluded: ['card', 'trend', 'org'],
  conclusion_rate: ['card'],
  open: ['card'],
  overdue: ['card', 'org'],
  by_category: ['category'],
  by_disposal: ['category'],
};

const DIMENSIONS = {
  category: { key: 'category', label: '问题类别' },
  disposal: { key: 'disposal', label: '处置方式' },
};

/** The petition figures (信访统计): what PETITION_FIGURES defines, counted and listed as of a date. */
export function petitionFigures(): { source: FigureSource; figures: Figure[] } {
  const figures = (Object.keys(PETITION_FIGURES) as PetitionFigureName[]).map((name): Figure => {
    const def = PETITION_FIGURES[name];
    const base = {
      key: petitionFigureKey(name),
      module: 'petitions',
      label: def.label,
      unit: def.unit,
      definition: def.definition,
      permission: 'petition.stats' as const,
      protected: true,
      ...(DASHBOARD[name] ? { dashboard: DASHBOARD[name] } : {}),
    };
    const spec = PETITION_FIGURE_SPECS[name];
    if (spec === 'ratio')
      return {
        ...base,
        kind: 'ratio',
        numerator: petitionFigureKey('concluded'),
        denominator: petitionFigureKey('accepted'),
      };
    return {
      ...base,
      kind: spec.rows === 'petition' && spec.weight ? 'sum' : 'count',
      ...(spec.rows === 'petition' && spec.dimension ? { dimension: DIMENSIONS[spec.dimension] } : {}),
      ...(spec.rows === 'subject' ? { dimension: { key: 'cadre', label: '被反映干部' } } : {}),
      // every petition and document has a 收件日期 and an org; the breakdown by named cadre does not split
      ...((spec.rows === 'petition' && !spec.dimension) || spec.rows === 'document'
        ? { breakdowns: BREAKDOWNS }
        : {}),
      columns: spec.columns,
      records: (scope, page, group) => petitionFigureRecords(scope, name, page, group),
    };
  });
  return {
    source: {
      module: 'petitions',
      label: '信访举报',
      count: countPetitionFigures,
      prepare: preparePetitionCube,
    },
    figures,
  };
}
