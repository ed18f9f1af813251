/**
 * Finding the inputs of an ingest: chapter files (`*.md`) and problem files (`Appendices.json`, or any
 * `*.json` under a `sources` folder), walking folders of any depth, including the corpus layout whose
 * names hold spaces and `@@`. Unreadable entries become positioned errors, not crashes.
 */
import { readdirSync, statSync, type Stats } from 'node:fs';
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

/**
 * The walk is synchronous: a corpus folder holds thousands of files and folders, and one asynchronous
 * stat after another waited for the thread pool and the event loop each time (seconds on a busy machine).
 */
export async function collectInputs(inputs: string[]): Promise<CollectedInputs> {
  const out: CollectedInputs = { chapters: [], appendices: [], errors: [] };
  const visit = (full: string, explicit: boolean): void => {
    let stat: Stats;
    try {
      stat = statSync(full);
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
        entries = readdirSync(full).sort();
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
        visit(path.join(full, name), false);
      }
      return;
    }
    if (isChapter(full) || (explicit && !/\.json$/i.test(full))) out.chapters.push(full);
    else if (isProblemFile(full) || (explicit && /\.json$/i.test(full))) out.appendices.push(full);
  };
  for (const input of inputs) visit(path.resolve(input), true);
  return out;
}
