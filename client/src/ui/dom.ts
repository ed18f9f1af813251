/**
 * The one way the interface builds DOM: `h()` creates an element, sets attributes and listeners and
 * appends children, and strings always become text nodes. Nothing in the client assigns `innerHTML`;
 * text from chapters can therefore never become markup.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  /** Attributes set with setAttribute (`aria-*`, `role`, `data-*`, `type`…); `false`/`null` leaves one unset. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (ev: HTMLElementEventMap[K]) => void };
  /** Extra properties assigned to the element (`value`, `checked`, `disabled`…). */
  props?: Partial<
    Record<'value' | 'checked' | 'disabled' | 'tabIndex' | 'hidden' | 'title', string | number | boolean>
  >;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    if (props.class) el.className = props.class;
    if (props.id) el.id = props.id;
    for (const [name, value] of Object.entries(props.attrs ?? {})) {
      if (value === false || value === null || value === undefined) continue;
      el.setAttribute(name, value === true ? '' : String(value));
    }
    for (const [name, value] of Object.entries(props.props ?? {})) {
      Object.assign(el, { [name]: value });
    }
    for (const [type, listener] of Object.entries(props.on ?? {})) {
      el.addEventListener(type, listener as EventListener);
    }
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces an element's children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

let idCounter = 0;
/** A document-unique id for ARIA references. */
export const uid = (prefix: string): string => `${prefix}-${++idCounter}`;

/** Text for screen readers only. */
export const srOnly = (text: string): HTMLSpanElement => h('span', { class: 'sr-only' }, text);
