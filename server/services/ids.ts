/**
 * Identifiers as the API accepts them: a node key with or without its kind's prefix (`concept:entry:1`
 * or `entry:1`, `doc:x` or `x`, `src:42` or `42`), turned into the store's keys. URLs carry them
 * percent-encoded, which Express has already decoded by the time they reach here.
 */
const withPrefix = (prefix: string) => (id: string) => (id.startsWith(prefix) ? id : `${prefix}${id}`);

export const conceptKey = withPrefix('concept:');
export const claimKey = withPrefix('claim:');
export const documentKey = withPrefix('doc:');
export const sectionKey = withPrefix('sec:');
/** Sources are asked for by problem id, the part after `src:`. */
export const problemId = (id: string) => (id.startsWith('src:') ? id.slice('src:'.length) : id);
