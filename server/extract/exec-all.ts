/**
 * Every match of a global pattern, as `text.matchAll(re)` gives them but without its iterator and the
 * copy of the pattern it makes on each call: the cue and anaphor patterns run on every sentence.
 * The pattern's `lastIndex` is left at 0, as it was found.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new Error(`execAll: expected a global pattern, got /${re.source}/${re.flags}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match moves on by one, as matchAll does.
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}
