/**
 * Why the gold relations an export misses are missed, for development rounds: for each required gold
 * relation the export lacks (with an accepted predicate), whether a side is not found in the chapter at
 * all, whether the gold's evidence sentence names both sides (the sentence's `mentions` edges), and
 * whether the two are related under another predicate. Concepts are matched to the gold's by their forms
 * and aliases, as `../shared/eval/score.mjs` matches them (normalised: NFKC, lower case, no white space).
 *
 * `npm run -s miss-causes -- GOLD EXPORT [--list]` — counts per cause; `--list` also lists each miss with its
 * evidence (do not use `--list` on a held-out chapter you mean to keep blind: it shows the misses).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface GoldConcept {
  id: string;
  forms: string[];
  alsoAccept?: string[];
}
interface GoldRelation {
  subject: string;
  object: string;
  accept: string[];
  required?: boolean;
  evidence: string;
}
interface Export {
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { source: string; target: string; attributes: Record<string, unknown> }[];
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { list: { type: 'boolean', default: false } },
});
if (positionals.length !== 2) {
  console.error('usage: npm run -s miss-causes -- GOLD EXPORT [--list]');
  process.exit(2);
}
const gold = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as {
  concepts: GoldConcept[];
  relations: GoldRelation[];
};
const graph = JSON.parse(readFileSync(positionals[1]!, 'utf8')) as Export;

const norm = (s: unknown) => String(s).normalize('NFKC').toLowerCase().replace(/[\s$]/g, '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const concepts = graph.nodes.filter((n) => n.attributes.kind === 'concept');
const formsOf = new Map(
  concepts.map((n) => {
    const a = n.attributes;
    const labels = Object.values((a.labels as Record<string, string> | undefined) ?? {});
    return [n.key, new Set([String(a.label), ...labels, ...strings(a.aliases)].map(norm))];
  }),
);
const goldConcepts = new Map(gold.concepts.map((c) => [c.id, c]));
/** The export's concepts that match a gold concept. */
const matching = (id: string): string[] => {
  const c = goldConcepts.get(id);
  const forms = c ? [...c.forms, ...(c.alsoAccept ?? [])].map(norm) : [];
  return concepts.filter((n) => forms.some((f) => formsOf.get(n.key)!.has(f))).map((n) => n.key);
};
const claims = graph.nodes.filter((n) => n.attributes.kind === 'claim');
const mentioned = new Map<string, Set<string>>();
for (const e of graph.edges) {
  if (e.attributes.kind !== 'mentions') continue;
  let set = mentioned.get(e.source);
  if (!set) mentioned.set(e.source, (set = new Set()));
  set.add(e.target);
}
const relations = graph.edges.filter((e) => e.attributes.kind === 'relation');

const CAUSES = [
  'found',
  'a side is not a concept of the chapter',
  'the evidence sentence is not a claim',
  'a side is not mentioned in the evidence sentence',
  'both mentioned in the sentence, not related',
  'related under another predicate',
] as const;
const byCause = new Map<string, string[]>(CAUSES.map((c) => [c, []]));
for (const r of gold.relations.filter((x) => x.required !== false)) {
  const subjects = matching(r.subject);
  const objects = matching(r.object);
  const between = relations.filter(
    (e) =>
      (subjects.includes(e.source) && objects.includes(e.target)) ||
      (subjects.includes(e.target) && objects.includes(e.source)),
  );
  const found = between.some((e) => r.accept.includes(String(e.attributes.predicate)));
  const evidence = norm(r.evidence);
  const claim = claims.find((n) => norm(n.attributes.text).includes(evidence));
  const names = claim ? (mentioned.get(claim.key) ?? new Set<string>()) : new Set<string>();
  const cause = found
    ? CAUSES[0]
    : !subjects.length || !objects.length
      ? CAUSES[1]
      : !claim
        ? CAUSES[2]
        : !subjects.some((k) => names.has(k)) || !objects.some((k) => names.has(k))
          ? CAUSES[3]
          : between.length
            ? CAUSES[5]
            : CAUSES[4];
  const got = between.length ? ` [exported: ${between.map((e) => String(e.attributes.predicate)).join(', ')}]` : '';
  byCause.get(cause)!.push(`${r.subject} -${r.accept.join('|')}-> ${r.object}${got} :: ${r.evidence}`);
}
for (const [cause, misses] of byCause) console.log(`${cause.padEnd(52)}${misses.length}`);
if (values.list)
  for (const [cause, misses] of byCause) {
    if (cause === CAUSES[0] || !misses.length) continue;
    console.log(`\n${cause}:`);
    for (const m of misses) console.log(`  ${m}`);
  }
