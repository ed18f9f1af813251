/**
 * Hedging and negation cues, in Chinese and English. A hedged claim states something as possible or
 * hypothesised; a negated one denies it. Both are kept as attributes, never dropped.
 */

const HEDGE_ZH = /可能|也许|或许|似乎|好像|假说|假设认为|推测|被认为|据认为|有望|潜在|尚不清楚|尚未明确|或可|看来/;
const HEDGE_EN =
  /\b(may|might|could|possibly|perhaps|likely|unlikely|appears? to|seems? to|suggests?|suggested|hypothes[ie]s|hypothesi[sz]ed|putative|potentially|is thought to|are thought to|is believed to|are believed to|proposed)\b/i;

const NEGATION_ZH = /并非|不是|并不|没有|未能|不能|无法|不会|不依赖|而非/;
const NEGATION_EN = /\b(not|no|never|neither|nor|cannot|can't|doesn't|don't|isn't|aren't|fails? to|without)\b/i;

export function isHedged(text: string): boolean {
  return HEDGE_ZH.test(text) || HEDGE_EN.test(text);
}

export function isNegated(text: string): boolean {
  return NEGATION_ZH.test(text) || NEGATION_EN.test(text);
}

export const HEDGE_PATTERNS = { zh: HEDGE_ZH, en: HEDGE_EN };
export const NEGATION_PATTERNS = { zh: NEGATION_ZH, en: NEGATION_EN };
