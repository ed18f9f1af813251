/** Paths the tests share: the repository root, its sample corpus and the scorer's folder beside it. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const corpusDir = path.join(repoRoot, 'data/corpus');
export const ketaminePath = path.join(corpusDir, 'ketamine-synaptogenesis-applications.zh.md');
export const sharedEval = path.resolve(repoRoot, '../shared/eval');
