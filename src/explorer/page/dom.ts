/** A tiny element builder: text goes in as text nodes, never as HTML, so nothing from the API is parsed as markup. */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Replaces a container's content and, when the focus was inside it, puts the focus back on the
 * element that stands in the same place (same id, or same tag and text), so a re-render (say,
 * when details arrive) does not throw a keyboard user back to the top of the page.
 */
export function replaceKeepingFocus(container: HTMLElement, children: Node[]): void {
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && container.contains(active) ? active : null;
  container.replaceChildren(...children);
  if (!inside || container.contains(inside)) return;
  const same = Array.from(container.querySelectorAll<HTMLElement>(inside.tagName)).find((el) =>
    inside.id ? el.id === inside.id : el.textContent === inside.textContent,
  );
  same?.focus();
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page.`);
  return el as T;
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  "#39": "'",
  "#x27": "'",
};

/**
 * The search snippet is HTML-escaped text with <mark> around the matches. It is taken apart
 * here rather than given to innerHTML, so only the <mark> tags can ever become elements.
 */
export function snippet(html: string): Node[] {
  const decode = (text: string) =>
    text.replace(/&(#x27|#39|amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? "");
  const out: Node[] = [];
  let marked = false;
  for (const part of html.split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part)
      out.push(marked ? h("mark", {}, decode(part)) : document.createTextNode(decode(part)));
  }
  return out;
}
