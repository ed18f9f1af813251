/**
 * A chapter's identity from its path. In the corpus layout (`Domain@@id/…/Topic@@id/MainContent.md`) the
 * topic id is unique corpus-wide, so the id is `<topicId>/<file stem>`; elsewhere it is the file's stem.
 */
import path from 'node:path';

const LAYOUT_PART = /^(.*)@@(\d+)$/;

export interface DocumentIdentity {
  id: string;
  /** Folder names of the corpus layout, without their ids, from the domain down to the topic. */
  trail: string[];
  /** The topic's name in the corpus layout, else null. */
  topic: string | null;
}

export function documentIdentity(filePath: string): DocumentIdentity {
  const parts = filePath.split(/[\\/]+/);
  const file = parts[parts.length - 1] ?? filePath;
  const stem = file.replace(/\.(md|markdown)$/i, '');
  const folder = parts[parts.length - 2];
  const layout = folder ? LAYOUT_PART.exec(folder) : null;
  if (!layout) return { id: stem, trail: [], topic: null };
  const trail: string[] = [];
  for (const p of parts.slice(0, -1)) {
    const m = LAYOUT_PART.exec(p);
    if (m) trail.push(m[1]!);
  }
  return { id: `${layout[2]}/${stem}`, trail, topic: layout[1]! };
}

/** The path as stored: relative to the current folder when inside it, with forward slashes. */
export function displayPath(filePath: string): string {
  const rel = path.relative(process.cwd(), filePath);
  return (rel.startsWith('..') ? filePath : rel).split(path.sep).join('/');
}
