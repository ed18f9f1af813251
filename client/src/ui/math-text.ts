/**
 * Sentences with TeX math: the text is split into plain runs and math runs (`$…$`, `$$…$$`, `\(…\)`,
 * `\[…\]`). Plain runs become text nodes; each math run is rendered by `katex.render` into its own
 * element with `trust: false`. KaTeX's output is the only markup the client ever inserts, and it is
 * KaTeX that builds it from the TeX source, never the chapter's text as HTML. KaTeX is loaded on first
 * use (it is half the bundle and the graph does not need it): until then a formula shows as its source.
 */
import type KaTeX from 'katex';
import { h } from './dom';

type KatexModule = typeof KaTeX;
let katex: KatexModule | null = null;
let loading: Promise<KatexModule> | null = null;

function loadKatex(): Promise<KatexModule> {
  loading ??= import('katex').then((m) => (katex = m.default));
  return loading;
}

export interface TextRun {
  kind: 'text' | 'math';
  value: string;
  display?: boolean;
}

const MATH = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|\$((?:\\\$|[^$\n])+?)\$/g;

/** Splits text into plain and math runs. Unbalanced delimiters stay plain text. */
export function splitMath(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const m of text.matchAll(MATH)) {
    const index = m.index ?? 0;
    if (index > last) runs.push({ kind: 'text', value: text.slice(last, index) });
    const display = m[1] !== undefined || m[2] !== undefined;
    const tex = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    runs.push({ kind: 'math', value: tex.trim(), display });
    last = index + m[0].length;
  }
  if (last < text.length) runs.push({ kind: 'text', value: text.slice(last) });
  return runs;
}

function renderInto(k: KatexModule, tex: string, display: boolean, el: HTMLElement): void {
  try {
    el.textContent = '';
    k.render(tex, el, {
      displayMode: display,
      throwOnError: false,
      trust: false,
      strict: 'ignore',
      maxSize: 20,
      maxExpand: 500,
      output: 'htmlAndMathml',
    });
  } catch {
    el.textContent = tex;
  }
  el.removeAttribute('aria-busy');
}

/** Renders one TeX string into a new element (KaTeX's own error rendering when the TeX is invalid). */
export function renderMath(tex: string, display: boolean): HTMLElement {
  const el = h('span', { class: display ? 'math math-display' : 'math' });
  if (katex) {
    renderInto(katex, tex, display, el);
  } else {
    el.textContent = tex;
    el.setAttribute('aria-busy', 'true');
    loadKatex().then(
      (k) => renderInto(k, tex, display, el),
      () => el.removeAttribute('aria-busy'),
    );
  }
  return el;
}

/** A text node-and-math fragment for a sentence. */
export function mathText(text: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const run of splitMath(text)) {
    frag.appendChild(
      run.kind === 'text' ? document.createTextNode(run.value) : renderMath(run.value, run.display ?? false),
    );
  }
  return frag;
}
