/**
 * Colours: one per category (nodes) and one per link type (edges), chosen to stay distinguishable for
 * the common colour-vision deficiencies and to reach 3:1 contrast against the white stage (WCAG 1.4.11).
 */
import type { Category } from '../../../server/model/types';
import type { LinkType } from '../app/domain';

export const CATEGORY_COLORS: Record<Category, string> = {
  Intervention: '#0b6bb0',
  Disorder: '#c2362b',
  Mechanism: '#1a7f4b',
  Circuit: '#7d3fb0',
  Molecule: '#b05a00',
  Biomarker: '#a8307e',
  Concept: '#5c6775',
};

export const LINK_COLORS: Record<LinkType, string> = {
  treats: '#1a7f4b',
  prevents: '#0b6bb0',
  causes: '#c2362b',
  increases: '#c26a00',
  decreases: '#087f8c',
  risk_of: '#a12c5d',
  biomarker_for: '#7d3fb0',
  implicated_in: '#8a5a2b',
  part_of: '#4e6a8a',
  interacts_with: '#6d6a1f',
  combined_with: '#2f7d6d',
  contrasted_with: '#8c4f8c',
  associated_with: '#6f7782',
  member_of: '#5a4fcf',
  co_mention: '#b9bfc8',
};

/** Colour of elements that stay on screen but out of focus (hover, path, claim highlight). */
export const FADED_NODE = '#d9dde3';
export const FADED_EDGE = '#eceff3';
export const STAGE_BACKGROUND = '#ffffff';
export const LABEL_COLOR = '#1d232b';
