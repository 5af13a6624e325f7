/**
 * A search box over the API's ranked search, as an ARIA combobox: type, then Up / Down to move
 * through the results and Enter to take one (Enter alone takes the best match, waiting for the
 * answer if it is still on its way), Escape to close; the mouse works too.
 *
 * A box whose pick is written (`explicit`: a link to an entity of the graph, a relation's end)
 * takes on Enter alone only the one suggestion whose whole name is what was typed: "United"
 * offered United Kingdom first, and one Enter linked the nation the reader did not mean
 * (newuser30). Otherwise it says how many match and waits for the reader to pick one (Up / Down,
 * then Enter, or a click).
 */
import { type EntityRef, type SearchHit, search } from "./api.js";
import { h, snippet } from "./dom.js";
import { swatch } from "./kinds.js";

export interface Combobox {
  /** The entity taken, until the text is edited again. */
  readonly picked: EntityRef | null;
  set(entity: EntityRef | null): void;
}

const DEBOUNCE_MS = 120;

/**
 * The API's ranking, except that an entity whose whole name is what was typed comes first:
 * whoever types "Latvia" in full and presses Enter means Latvia, even where full-text scoring
 * puts "Military base in Latvia" a hair ahead.
 */
function exactFirst(hits: SearchHit[], typed: string): SearchHit[] {
  const wanted = typed.trim().toLocaleLowerCase();
  const exact = hits.filter((hit) => hit.node.name.toLocaleLowerCase() === wanted);
  return [...exact, ...hits.filter((hit) => !exact.includes(hit))];
}

/**
 * `local`, when given, offers entities the graph does not have yet (a draft's new ones) for what
 * is typed: they come first, and a graph entity under the same key is not offered twice.
 */
export function combobox(
  input: HTMLInputElement,
  list: HTMLUListElement,
  onPick: (entity: EntityRef) => void,
  onError: (error: unknown) => void,
  local?: (typed: string) => EntityRef[],
  explicit = false,
): Combobox {
  let hits: SearchHit[] = [];
  let active = -1;
  /** Said above the suggestions after an Enter that took none ("2 matches: pick one …"). */
  let note = "";
  /** The moves by Up / Down still waiting for suggestions, in the order pressed. */
  let moving: Promise<void> | null = null;
  let picked: EntityRef | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = "";
  // The newest request only: an older answer arriving late must not replace it.
  let pending: Promise<SearchHit[]> | null = null;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.autocomplete = "off";
  list.setAttribute("role", "listbox");

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const render = () => {
    list.replaceChildren(
      ...(note && hits.length > 0
        ? [h("li", { class: "none note", "aria-disabled": "true", role: "option" }, note)]
        : []),
      ...(hits.length === 0
        ? [h("li", { class: "none", "aria-disabled": "true", role: "option" }, "No match")]
        : hits.map((hit, i) => {
            const option = h(
              "li",
              {
                id: `${list.id}-${i}`,
                role: "option",
                "aria-selected": i === active ? "true" : "false",
              },
              swatch(hit.node.kind),
              h("span", { class: "name" }, hit.node.name),
              h("span", { class: "kind" }, hit.node.kind),
              hit.snippet && hit.snippet.replace(/<\/?mark>/g, "") !== hit.node.name
                ? h("span", { class: "snippet" }, snippet(hit.snippet))
                : null,
            );
            // mousedown, not click: the input keeps the focus, so the list does not close first.
            option.addEventListener("mousedown", (event) => {
              event.preventDefault();
              take(i);
            });
            return option;
          })),
    );
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (active >= 0) input.setAttribute("aria-activedescendant", `${list.id}-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };

  const run = () => {
    clearTimeout(timer);
    timer = undefined;
    const text = input.value.trim();
    if (text === asked && pending) return pending;
    asked = text;
    if (!text) {
      hits = [];
      close();
      pending = null;
      return Promise.resolve(hits);
    }
    const own: SearchHit[] = (local?.(text) ?? []).map((node) => ({
      node,
      score: 0,
      snippet: null,
    }));
    const withOwn = (found: SearchHit[]) => [
      ...own,
      ...found.filter((hit) => !own.some((o) => o.node.key === hit.node.key)),
    ];
    const request = search(text).then(
      (found) => {
        if (pending === request) {
          hits = withOwn(exactFirst(found, text));
          active = -1;
          note = "";
          if (document.activeElement === input) render();
        }
        return found;
      },
      (error: unknown) => {
        onError(error);
        return [];
      },
    );
    pending = request;
    return request;
  };

  const take = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    close();
    note = "";
    picked = hit.node;
    // The field shows what was taken, not the few letters typed to find it.
    input.value = hit.node.name;
    asked = "";
    hits = [];
    onPick(hit.node);
  };

  input.addEventListener("input", () => {
    picked = null;
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });

  input.addEventListener("keydown", async (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      const move = async () => {
        if (list.hidden) await run();
        if (hits.length === 0) return;
        active = (active + step + hits.length) % hits.length;
        render();
        document.getElementById(`${list.id}-${active}`)?.scrollIntoView({ block: "nearest" });
      };
      moving = (moving ?? Promise.resolve()).then(move);
      await moving;
    } else if (event.key === "Enter") {
      event.preventDefault();
      // Down pressed before the suggestions came: Enter takes the one it moves to.
      if (moving) await moving;
      let choice = active;
      // The answer for what is typed now, even when Enter comes before the debounce fired.
      if (timer !== undefined || input.value.trim() !== asked) {
        await run();
        // A suggestion highlighted among the answers for what was typed before is not one of
        // these: a box that writes what it takes does not guess which it was.
        if (explicit) choice = -1;
      } else if (pending) await pending;
      if (!explicit || choice >= 0) return take(Math.max(choice, 0));
      const typed = input.value.trim().toLocaleLowerCase();
      const named = hits.filter((hit) => hit.node.name.toLocaleLowerCase() === typed);
      const [only] = named;
      if (named.length === 1 && only) return take(hits.indexOf(only));
      if (hits.length === 0) return;
      const count = named.length > 1 ? named.length : hits.length;
      note =
        count === 1
          ? "1 match, not named so in full: pick it (↓ then Enter, or a click)."
          : `${count} matches: pick one (↓ ↑ then Enter, or a click).`;
      if (document.activeElement === input) render();
    } else if (event.key === "Escape") {
      if (!list.hidden) {
        event.preventDefault();
        close();
      } else if (input.value) {
        event.preventDefault();
        input.value = "";
        picked = null;
      }
    }
  });

  input.addEventListener("blur", close);
  input.addEventListener("focus", () => {
    if (hits.length > 0 && input.value.trim() === asked && !picked) render();
  });

  return {
    get picked() {
      return picked;
    },
    set(entity) {
      picked = entity;
      input.value = entity?.name ?? "";
      asked = "";
      hits = [];
      close();
    },
  };
}
