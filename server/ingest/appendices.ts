/**
 * Problem texts: `Appendices.json` files of the corpus layout and `data/sources/*.json`, both
 * `{"hands_on_practices": [{id, introduction, problem, solution, answer}]}`. Ids resolve across every
 * file ingested; an id with no text stays a bare source.
 */
import { z } from 'zod';
import { InputError } from '../errors';
import type { KnownProblem } from '../store/graph-store';
import { computeLineStarts, positionAt } from './source-file';

const Practice = z.object({
  id: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]),
  introduction: z.string().optional(),
  problem: z.string().optional(),
  solution: z.string().optional(),
  answer: z.string().optional(),
});
const AppendixFile = z.object({ hands_on_practices: z.array(z.unknown()) });

/** Parses one appendix file; throws InputError for JSON or shape problems, warns per bad entry. */
export function parseAppendix(path: string, text: string, warn: (message: string) => void): KnownProblem[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    const pos = m ? positionAt({ lineStarts: computeLineStarts(text) }, Number(m[1])) : null;
    throw new InputError(
      path,
      pos,
      `malformed JSON (${msg.replace(/ in JSON at position \d+.*$/, '')}), expected {"hands_on_practices": [...]}`,
    );
  }
  const file = AppendixFile.safeParse(json);
  if (!file.success) {
    throw new InputError(
      path,
      null,
      'unexpected appendix shape, expected {"hands_on_practices": [{"id", "problem", …}]}',
    );
  }
  const out: KnownProblem[] = [];
  file.data.hands_on_practices.forEach((entry, i) => {
    const p = Practice.safeParse(entry);
    if (!p.success) {
      warn(
        `hands_on_practices[${i}]: ${p.error.issues.map((x) => `${x.path.join('.') || 'entry'}: ${x.message}`).join('; ')}`,
      );
      return;
    }
    const { id, ...rest } = p.data;
    const problem = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    out.push({ problemId: String(id), problem, origin: path });
  });
  return out;
}
