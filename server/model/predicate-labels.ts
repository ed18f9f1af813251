/**
 * How each predicate reads aloud in each language: one table for the explorer's legend and panels, the
 * concept-map links and the CXL export, so a link is named the same everywhere. Data only, so the client
 * can bundle it.
 */
import type { Lang, Predicate } from './types';

/** Predicates as linking phrases: how a teacher would read the link aloud in each language. */
export const PREDICATE_LABELS: Record<Lang, Record<Predicate, string>> = {
  zh: {
    treats: '治疗',
    prevents: '预防',
    causes: '导致',
    increases: '增加',
    decreases: '降低',
    risk_of: '风险',
    biomarker_for: '生物标志物',
    implicated_in: '参与',
    part_of: '属于',
    interacts_with: '相互作用',
    combined_with: '联合使用',
    contrasted_with: '对比',
    associated_with: '相关',
  },
  en: {
    treats: 'treats',
    prevents: 'prevents',
    causes: 'causes',
    increases: 'increases',
    decreases: 'decreases',
    risk_of: 'risk of',
    biomarker_for: 'biomarker for',
    implicated_in: 'implicated in',
    part_of: 'part of',
    interacts_with: 'interacts with',
    combined_with: 'combined with',
    contrasted_with: 'contrasted with',
    associated_with: 'associated with',
  },
};
