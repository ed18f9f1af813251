/**
 * Finding the inputs of an ingest: chapter files (`*.md`) and problem files (`Appendices.json`, or any
 * `*.json` under a `sources` folder), walking folders of any depth, including the corpus layout whose
 * names hold spaces and `@@`. Unreadable entries become positioned errors, not crashes.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors';
import { displayPath } from './document-id';

export interface CollectedInputs {
  chapters: string[];
  appendices: string[];
  errors: InputError[];
}

const isChapter = (name: string) => /\.(md|markdown)$/i.test(name) && !/^readme\.md$/i.test(name);
const isProblemFile = (full: string) =>
  /^appendices\.json$/i.test(path.basename(full)) ||
  (/\.json$/i.test(full) && path.basename(path.dirname(full)) === 'sources');

export async function collectInputs(inputs: string[]): Promise<CollectedInputs> {
  const out: CollectedInputs = { chapters: [], appendices: [], errors: [] };
  const visit = async (full: string, explicit: boolean): Promise<void> => {
    let stat;
    try {
      stat = await fs.stat(full);
    } catch (e) {
      out.errors.push(
        new InputError(
          displayPath(full),
          null,
          `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        ),
      );
      return;
    }
    if (stat.isDirectory()) {
      let entries: string[];
      try {
        entries = (await fs.readdir(full)).sort();
      } catch (e) {
        out.errors.push(
          new InputError(
            displayPath(full),
            null,
            `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
          ),
        );
        return;
      }
      for (const name of entries) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        await visit(path.join(full, name), false);
      }
      return;
    }
    if (isChapter(full) || (explicit && !/\.json$/i.test(full))) out.chapters.push(full);
    else if (isProblemFile(full) || (explicit && /\.json$/i.test(full))) out.appendices.push(full);
  };
  for (const input of inputs) await visit(path.resolve(input), true);
  return out;
}
