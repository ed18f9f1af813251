/**
 * Conversions, the way physiology and pharmacology write of precursors, enzymes and prodrugs: `alteplase
 * converts plasminogen into plasmin`, `levodopa is converted to dopamine by AADC`, `血管紧张素转化酶将血管紧张素I转化为
 * 血管紧张素II`, `左旋多巴在脑内转化为多巴胺`. No verb cue reads these (the product is named after `to`/`为`, the
 * substrate between the verb and it): what converts raises the product and acts on the substrate
 * (`interacts_with`), and a precursor or a prodrug raises its product.
 */
import { EN_NEGATION, ZH_NEGATION, type PredicateOption } from './cues';
import { pick, spanBetween, type Emit, type Sentence, type Slot } from './relation-sentence';

const RAISES: PredicateOption = {
  predicate: 'increases',
  subject: ['Intervention', 'Molecule'],
  object: ['Molecule', 'Intervention'],
};
const ACTS_ON: PredicateOption = {
  predicate: 'interacts_with',
  subject: ['Intervention', 'Molecule'],
  object: ['Molecule'],
};

const EN_VERB = /\b(?:convert(?:s|ed|ing)?)\s+/gi;
const ZH_VERB = /(?:转化|转变|转换)(?:为|成)/g;
const QUICK = /convert|转化|转变|转换/i;

/** After an English `converted`: `to`/`into` and the product. */
const EN_TO = /^\s*(?:(?:back|directly|rapidly|mainly|partly|then)\s+)?(?:in)?to\s+(?:the\s+|an?\s+)?(?:active\s+)?$/i;
/** Between the product and the agent of a passive: `by`, after a short phrase of place (`in the brain by`). */
const EN_BY = /^\s*(?:(?:in|within|at)\s+(?:the\s+)?[a-z-]+(?:\s+[a-z-]+)?\s+)?by\s+(?:the\s+(?:enzyme\s+)?)?$/i;
/** Before an English passive `converted`: the auxiliary (`is`, `are then`, `can be`). */
const EN_AUX = /\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|then\s+|also\s+|first\s+)*$/i;
/** Between the active verb and its substrate: nothing but an article. */
const EN_SUBSTRATE = /^\s*(?:the\s+)?(?:inactive\s+)?(?:precursor\s+|zymogen\s+|prodrug\s+)?$/i;

/** Chinese: `Z将A`/`Z把A`/`Z使A`; `A被Z`/`A经Z`/`A经由Z`/`A在Z的作用下`/`A经Z催化`. */
const ZH_ACTIVE_MARK = /^(?:将|把|使)$/;
const ZH_PASSIVE_AGENT = /^(?:被|经|经由|由)$/;
const ZH_AGENT_TAIL = /^(?:的作用下|作用下|的催化下|催化下|催化|作用)?$/;
/** `A在Z（的）作用下转化为B`: after `在`, only a tail of action makes Z the agent (`A在肝脏转化为B` names a place). */
const ZH_IN_AGENT_TAIL = /^(?:的)?(?:作用|催化)下$/;

/** Where a conversion's clause ends: `；`, `;`, `。`, a comma. */
const CLAUSE_STOPS = /[；;。，,]/;

function emitAll(
  s: Sentence,
  emit: Emit,
  cue: string,
  agent: Slot | undefined,
  substrate: Slot | undefined,
  product: Slot,
): void {
  const made = pick(product, RAISES.object);
  if (!made) return;
  // A pronoun does not stand for what it is converted to (`…but levodopa does, and it is converted to dopamine`).
  const other = (x: Slot | undefined) =>
    x?.pronoun ? { ...x, concepts: x.concepts.filter((c) => c.key !== made.key) } : x;
  agent = other(agent);
  substrate = other(substrate);
  if (agent) {
    emit(s, agent, product, RAISES, cue, 0.6, false);
    if (substrate) emit(s, agent, substrate, ACTS_ON, cue, 0.6, false);
  }
  // A precursor or a prodrug raises what it becomes.
  if (substrate) emit(s, substrate, product, RAISES, cue, 0.6, false);
}

/** `X, a recombinant tPA, converts…`: the sentence's first name before an appositive that ends at the verb. */
function appositiveSubject(s: Sentence, cs: number): Slot | undefined {
  const first = s.slots[0];
  if (!first || first.pronoun || !/^\s*(?:the\s+)?$/i.test(s.text.slice(0, first.start))) return undefined;
  return /^\s*(?:\([^()]*\)\s*)?,[^,;:]{1,120},\s*$/.test(s.text.slice(first.end, cs)) ? first : undefined;
}

export function conversions(s: Sentence, emit: Emit): void {
  if (s.slots.length < 2 || !QUICK.test(s.text)) return;
  const zh = s.holder.lang === 'zh';
  const text = s.text;
  for (const m of text.matchAll(zh ? ZH_VERB : EN_VERB)) {
    const cs = m.index;
    const ce = cs + m[0].length;
    const [a, b] = spanBetween(text, cs, ce, CLAUSE_STOPS);
    if ((zh ? ZH_NEGATION : EN_NEGATION).test(text.slice(Math.max(a, cs - 12), cs))) continue;
    // (Not a place the conversion happens in: `在脑内`, `in the liver`.)
    const inClause = s.slots.filter(
      (x) =>
        x.start >= a &&
        x.end <= cs &&
        !(zh
          ? text[x.start - 1] === '在' && /^[内中]/.test(text.slice(x.end))
          : /\bin\s+(?:the\s+)?$/i.test(text.slice(a, x.start))),
    );
    // `血管紧张素转换酶（ACE）作用下`: a gloss that repeats the name before it is no name of its own.
    const before = inClause.filter(
      (x, k) =>
        !(
          k > 0 &&
          inClause[k - 1]!.concepts[0]!.key === x.concepts[0]!.key &&
          /^\s*[（(]\s*$/.test(text.slice(inClause[k - 1]!.end, x.start))
        ),
    );
    const after = s.slots.filter((x) => x.start >= ce && x.end <= b);
    const cue = m[0].trim();
    if (zh) {
      // The product right after `转化为`.
      const product = after[0];
      if (!product || !/^\s*$/.test(text.slice(ce, product.start))) continue;
      const last = before[before.length - 1];
      if (!last) continue;
      const gap = text
        .slice(last.end, cs)
        .trim()
        .replace(/^[（(][^（）()]{0,40}[）)]\s*/, '');
      const beforeLast = before[before.length - 2];
      const mark = beforeLast ? text.slice(beforeLast.end, last.start).trim() : '';
      if (beforeLast && ZH_ACTIVE_MARK.test(mark) && /^(?:[^，。；]{0,4})$/.test(gap)) {
        // `Z将A转化为B`.
        emitAll(s, emit, cue, beforeLast, last, product);
      } else if (
        beforeLast &&
        ((ZH_PASSIVE_AGENT.test(mark) && ZH_AGENT_TAIL.test(gap)) || (mark === '在' && ZH_IN_AGENT_TAIL.test(gap)))
      ) {
        // `A被Z转化为B`, `A经Z催化转化为B`, `A在Z的作用下转化为B` (the mark before Z).
        emitAll(s, emit, cue, last, beforeLast, product);
      } else if (/^(?:在[^，。；]{0,8}(?:中|内)|可|会|能|随后|迅速|进一步|最终|再)*$/.test(gap)) {
        // `A转化为B`, `A在脑内转化为B`.
        emitAll(s, emit, cue, undefined, last, product);
      }
      continue;
    }
    if (EN_AUX.test(text.slice(Math.max(a, cs - 30), cs))) {
      // `A is converted to B (by Z)`: A is the clause's last name before the auxiliary.
      const substrate = before[before.length - 1];
      const product = after[0];
      if (!substrate || !product || !EN_TO.test(text.slice(ce, product.start))) continue;
      const agent = after[1] && EN_BY.test(text.slice(product.end, after[1].start)) ? after[1] : undefined;
      emitAll(s, emit, cue, agent, substrate, product);
    } else {
      // `Z converts A into B`.
      const agent = before[before.length - 1] ?? appositiveSubject(s, cs);
      const [substrate, product] = after;
      if (!agent || !substrate || !product) continue;
      if (!EN_SUBSTRATE.test(text.slice(ce, substrate.start))) continue;
      if (!EN_TO.test(text.slice(substrate.end, product.start))) continue;
      emitAll(s, emit, cue, agent, substrate, product);
    }
  }
}
