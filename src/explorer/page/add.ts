/**
 * Adding what the extractor missed: words selected in the article (or a sentence clicked) become
 * an entity (its name, a kind, a key proposed in the house style, or a link to an entity of the
 * graph) or the evidence of a relation (the sentence they are in, quoted verbatim, as the
 * draft's relations quote theirs), with a type the registry allows between its two ends. Either
 * joins the review as a drafted one would: a row to accept, reject or mend.
 */

import { aKind, KEY_MAX_LENGTH } from "../../domain/vocabulary.js";
import { slug } from "../../extract/slug.js";
import { ApiError, type EntityRef, entityByKey, type TextSpan } from "./api.js";
import { combobox } from "./combobox.js";
import { h } from "./dom.js";
import { type EntityContext, uncheckedKey } from "./entity-row.js";
import { KINDS, type Kind } from "./kinds.js";
import { typesBetween } from "./relation-check.js";
import { clip, endBox } from "./relation-row.js";
import { type End, endKind, KEY, type RelationReview, type Review } from "./review.js";
import { sentenceAt, wordsOf } from "./sentences.js";

/** What the reader last selected in the text: the words (empty for a click) and their sentence. */
export interface Picked {
  span: TextSpan | null;
  sentence: TextSpan | null;
}

export type Adding =
  | { what: "entity"; name: string; kind: Kind; key: string; keyEdited: boolean; error: string }
  | {
      what: "relation";
      sentence: TextSpan | null;
      from: End | null;
      to: End | null;
      type: string;
      error: string;
    };

export interface AddState {
  picked: Picked;
  adding: Adding | null;
}

/** The kinds a reader may add (an article's source is the article itself). */
const ADDABLE = KINDS.filter((k) => k !== "Source");

/** Every place `name` stands in the text, and `also` (the words selected) if it is not one. */
function mentionsOf(text: string, name: string, also: TextSpan | null): TextSpan[] {
  const out: TextSpan[] = [];
  if (name)
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length))
      out.push({ start: at, end: at + name.length });
  if (also && also.end > also.start && !out.some((m) => m.start === also.start)) out.push(also);
  return out.sort((a, b) => a.start - b.start);
}

/** The entities of the draft mentioned within `span`, in the order the text names them. */
function mentionedIn(review: Review, span: TextSpan): End[] {
  const found: { at: number; end: End }[] = [];
  for (const [key, r] of review.entities) {
    if (!r.accepted) continue;
    const m = r.entity.mentions.find((x) => x.start < span.end && span.start < x.end);
    if (m) found.push({ at: m.start, end: { entity: key } });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.end);
}

export function startAdding(review: Review, state: AddState, what: "entity" | "relation"): void {
  const { span, sentence } = state.picked;
  if (what === "entity") {
    const name = span ? review.text.slice(span.start, span.end).trim() : "";
    state.adding = {
      what,
      name,
      kind: "Person",
      key: name ? slug(name) : "",
      keyEdited: false,
      error: "",
    };
  } else {
    const ends = span && span.end > span.start ? mentionedIn(review, span) : [];
    state.adding = {
      what,
      sentence: sentence ?? review.sentences[0] ?? null,
      from: ends[0] ?? null,
      to: ends[1] ?? null,
      type: "",
      error: "",
    };
  }
}

/** The words just selected reach an open form: an entity's name, a relation's sentence. */
export function pickedInto(review: Review, state: AddState): void {
  const a = state.adding;
  const { span, sentence } = state.picked;
  if (a?.what === "entity" && span && span.end > span.start) {
    a.name = review.text.slice(span.start, span.end).trim();
    if (!a.keyEdited) a.key = slug(a.name);
  } else if (a?.what === "relation" && sentence) a.sentence = sentence;
}

function field(id: string, label: string, control: HTMLElement, ...more: HTMLElement[]) {
  return h("div", { class: "field" }, h("label", { for: id }, label), control, ...more);
}

function entityForm(
  ctx: EntityContext,
  state: AddState,
  a: Extract<Adding, { what: "entity" }>,
  refresh: () => void,
): HTMLElement {
  const review = ctx.review;
  const name = h("input", { id: "add-entity-name", value: a.name, spellcheck: "false" });
  const kind = h(
    "select",
    { id: "add-entity-kind" },
    ADDABLE.map((k) => h("option", { value: k, selected: k === a.kind }, k)),
  );
  const key = h("input", {
    id: "add-entity-key",
    value: a.key,
    spellcheck: "false",
    "aria-describedby": "add-entity-error",
  });
  name.addEventListener("input", () => {
    a.name = name.value;
    if (!a.keyEdited) {
      a.key = slug(name.value);
      key.value = a.key;
    }
  });
  kind.addEventListener("change", () => {
    a.kind = kind.value as Kind;
  });
  key.addEventListener("input", () => {
    a.key = key.value.trim();
    a.keyEdited = true;
  });
  // The name marked by keyboard, for a reader who cannot drag a selection: a sentence, then its
  // first and last words. What they mark is what a selection would have.
  const span =
    state.picked.span && state.picked.span.end > state.picked.span.start ? state.picked.span : null;
  const inSentence = span
    ? sentenceAt(review.sentences, span.start)
    : (state.picked.sentence ?? null);
  const words = inSentence ? wordsOf(review.text, inSentence) : [];
  const firstAt = span ? words.findIndex((w) => w.start === span.start) : -1;
  const lastAt = span ? words.findIndex((w) => w.end === span.end) : -1;
  const mark = (first: number, last: number) => {
    const a0 = words[Math.min(first, last)];
    const a1 = words[Math.max(first, last)];
    if (!a0 || !a1 || !inSentence) return;
    state.picked = { span: { start: a0.start, end: a1.end }, sentence: inSentence };
    a.name = review.text.slice(a0.start, a1.end);
    if (!a.keyEdited) a.key = slug(a.name);
    refresh();
  };
  const sentenceSelect = h(
    "select",
    { id: "add-entity-sentence" },
    inSentence ? null : h("option", { value: "", selected: true }, "—"),
    review.sentences.map((x, i) =>
      h(
        "option",
        { value: i, selected: inSentence?.start === x.start },
        clip(review.text.slice(x.start, x.end)),
      ),
    ),
  );
  sentenceSelect.addEventListener("change", () => {
    const chosen = review.sentences[Number(sentenceSelect.value)];
    if (!chosen) return;
    // A sentence chosen, nothing of it marked yet: the words lists offer its words.
    state.picked = { span: null, sentence: chosen };
    refresh();
  });
  const wordSelect = (id: string, at: number, label: string) =>
    h(
      "select",
      { id, disabled: words.length === 0, "aria-label": label },
      at < 0 ? h("option", { value: "", selected: true }, "—") : null,
      words.map((w, i) =>
        h("option", { value: i, selected: i === at }, review.text.slice(w.start, w.end)),
      ),
    );
  const firstSelect = wordSelect("add-entity-first", firstAt, "The name's first word");
  const lastSelect = wordSelect("add-entity-last", lastAt, "The name's last word");
  firstSelect.addEventListener("change", () => {
    const first = Number(firstSelect.value);
    mark(first, lastAt < 0 || lastAt < first ? first : lastAt);
  });
  lastSelect.addEventListener("change", () => {
    const last = Number(lastSelect.value);
    mark(firstAt < 0 || firstAt > last ? last : firstAt, last);
  });
  const link = h("input", {
    id: "add-entity-link",
    type: "search",
    placeholder: "Or link to an entity of the graph…",
    "aria-label": "Or link the name to an entity of the graph",
  });
  const linkList = h("ul", { id: "add-entity-link-results", hidden: true });
  const error = h("p", { id: "add-entity-error", class: "form-error", role: "alert" }, a.error);
  const refuse = (why: string) => {
    a.error = why;
    refresh();
  };

  const add = (linked: EntityRef | null, entityKind: Kind, entityKey: string) => {
    const text = a.name.trim();
    const draftKey = review.entities.has(entityKey)
      ? `${entityKey}-${review.entities.size + 1}`
      : entityKey;
    const mentions = mentionsOf(review.text, text, state.picked.span);
    review.entities.set(draftKey, {
      entity: { key: draftKey, kind: entityKind, name: text, status: "NEW", mentions },
      accepted: true,
      key: entityKey,
      linked,
      added: true,
    });
    // As the extractor does for every entity it finds: the article mentions it, in the
    // sentence that first names it.
    const first = mentions[0];
    const sentence = first
      ? review.sentences.find((s) => s.start <= first.start && first.start < s.end)
      : undefined;
    if (sentence)
      review.relations.push(
        addedRelation(review, "MENTIONS", { source: true }, { entity: draftKey }, sentence, false),
      );
    state.adding = null;
    ctx.render();
    // The keyboard goes on where the new row is.
    document.getElementById(`entity-${draftKey}-key`)?.focus();
  };

  const form = h(
    "form",
    { id: "add-entity", class: "add-form", "aria-label": "Add an entity" },
    field("add-entity-name", "Name", name),
    h(
      "fieldset",
      { class: "mark", id: "add-entity-mark" },
      h("legend", {}, "Or mark the name in the text"),
      field("add-entity-sentence", "Sentence", sentenceSelect),
      h("div", { class: "field words" }, h("span", {}, "Words"), firstSelect, " to ", lastSelect),
    ),
    field("add-entity-kind", "Kind", kind),
    field("add-entity-key", "Key", key),
    h("div", { class: "field" }, link, linkList),
    error,
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", id: "add-entity-submit" }, "Add the entity"),
      h("button", { type: "button", id: "add-entity-cancel" }, "Cancel"),
    ),
  );
  combobox(
    link,
    linkList,
    (entity) => {
      if (!a.name.trim()) a.name = entity.name;
      add(entity, entity.kind, entity.key);
    },
    (e) => ctx.problem(e instanceof ApiError ? e.message : "The search failed."),
    undefined,
    true,
  );
  form.querySelector("#add-entity-cancel")?.addEventListener("click", () => {
    state.adding = null;
    refresh();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = a.name.trim();
    const k = a.key.trim();
    if (!text) return refuse("Select the entity's name in the text, or type it.");
    if (!KEY.test(k) || k.length > KEY_MAX_LENGTH)
      return refuse("A key is lowercase words joined by hyphens, e.g. anita-anand.");
    if (k === review.sourceKey)
      return refuse(`${k} is this article's key: give the entity its own.`);
    // Any row of the draft under that key, new or of the graph: that row is this entity.
    const namesake = [...review.entities.values()].find((o) => o.key === k);
    if (namesake)
      return refuse(
        `${k} is already the key of ${namesake.linked?.name ?? namesake.entity.name} in this draft: accept that row, or give this one a key of its own.`,
      );
    const submit = form.querySelector<HTMLButtonElement>("#add-entity-submit");
    if (submit) submit.disabled = true;
    // As a key typed in a row: a key the graph has is that entity (same kind: a link) or
    // cannot be this one (another kind).
    const check = entityByKey(k).then(
      (found) => {
        if (found && found.kind !== a.kind)
          return refuse(
            `${k} is ${found.name} in the graph, ${aKind(found.kind)}: give this ${a.kind} a key of its own, or link it to an entity of the graph.`,
          );
        add(found, a.kind, k);
      },
      (e: unknown) => refuse(uncheckedKey(e)),
    );
    ctx.track(check);
  });
  return form;
}

/** A relation the reader adds, as a row of the review. */
export function addedRelation(
  review: Review,
  type: string,
  from: End,
  to: End,
  sentence: TextSpan,
  editing: boolean,
): RelationReview {
  review.added += 1;
  return {
    id: `new-${review.added}`,
    index: null,
    type,
    from,
    to,
    properties: {},
    typed: {},
    evidence: review.text.slice(sentence.start, sentence.end),
    span: sentence,
    confidence: null,
    inferred: false,
    accepted: true,
    editing,
    refused: [],
  };
}

function relationForm(
  ctx: EntityContext,
  state: AddState,
  a: Extract<Adding, { what: "relation" }>,
  refresh: () => void,
): HTMLElement {
  const review = ctx.review;
  const sentence = h(
    "select",
    { id: "add-relation-sentence" },
    review.sentences.map((s, i) =>
      h(
        "option",
        { value: i, selected: a.sentence?.start === s.start },
        clip(review.text.slice(s.start, s.end)),
      ),
    ),
  );
  sentence.addEventListener("change", () => {
    a.sentence = review.sentences[Number(sentence.value)] ?? null;
    refresh();
  });
  const ends = (["from", "to"] as const).map((side) => {
    const box = endBox(
      ctx,
      `add-relation-${side}`,
      side === "from" ? "From" : "To",
      a[side],
      (end) => {
        a[side] = end;
        a.error = "";
        refresh();
      },
    );
    const kind = a[side] ? endKind(review, a[side]) : null;
    return field(
      box.input.id,
      side === "from" ? "From" : "To",
      box.input,
      box.list,
      h("span", { class: "muted" }, kind ?? ""),
    );
  });
  const fromKind = a.from ? endKind(review, a.from) : null;
  const toKind = a.to ? endKind(review, a.to) : null;
  const allowed = fromKind && toKind ? typesBetween(fromKind, toKind) : [];
  if (!allowed.includes(a.type)) a.type = allowed[0] ?? "";
  const type = h(
    "select",
    { id: "add-relation-type", disabled: allowed.length === 0 },
    allowed.length === 0
      ? h(
          "option",
          { value: "" },
          fromKind && toKind ? `no type links ${fromKind} to ${toKind}` : "choose both ends first",
        )
      : allowed.map((t) => h("option", { value: t, selected: t === a.type }, t)),
  );
  type.addEventListener("change", () => {
    a.type = type.value;
  });
  const form = h(
    "form",
    { id: "add-relation", class: "add-form", "aria-label": "Add a relation" },
    field("add-relation-sentence", "Evidence (the sentence that states it)", sentence),
    a.sentence
      ? h(
          "blockquote",
          { id: "add-relation-evidence" },
          review.text.slice(a.sentence.start, a.sentence.end),
        )
      : null,
    ends,
    field("add-relation-type", "Type", type),
    h("p", { id: "add-relation-error", class: "form-error", role: "alert" }, a.error),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", id: "add-relation-submit" }, "Add the relation"),
      h("button", { type: "button", id: "add-relation-cancel" }, "Cancel"),
    ),
  );
  form.querySelector("#add-relation-cancel")?.addEventListener("click", () => {
    state.adding = null;
    refresh();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const refuse = (why: string) => {
      a.error = why;
      refresh();
    };
    if (!a.sentence)
      return refuse("Select words in the text, or choose the sentence that states it.");
    if (!a.from || !a.to)
      return refuse("Choose both ends: an entity of the draft or of the graph.");
    if (!a.type)
      return refuse(
        `No relation type links ${aKind(String(fromKind))} to ${aKind(String(toKind))}.`,
      );
    // It opens in its editor: the values the sentence gives (a role, figures, a date) go there.
    const added = addedRelation(review, a.type, a.from, a.to, a.sentence, true);
    review.relations.push(added);
    state.adding = null;
    ctx.render();
    // The keyboard goes on in its editor.
    document.getElementById(`relation-${added.id}-type`)?.focus();
  });
  return form;
}

/** The section of the review for what the draft missed. */
export function addSection(ctx: EntityContext, state: AddState, refresh: () => void): HTMLElement {
  const review = ctx.review;
  const { span, sentence } = state.picked;
  const words = span && span.end > span.start ? review.text.slice(span.start, span.end) : "";
  const picked = words
    ? `Selected: “${words.length > 80 ? `${words.slice(0, 79)}…` : words}”`
    : sentence
      ? "A sentence is chosen: add a relation it states."
      : "Select words in the text (or click a sentence) to add what the draft missed; by keyboard, “Add an entity” marks a name word by word.";
  const open = (what: "entity" | "relation") => {
    startAdding(review, state, what);
    refresh();
    document.getElementById(what === "entity" ? "add-entity-name" : "add-relation-from")?.focus();
  };
  const entityButton = h("button", { type: "button", id: "add-entity-open" }, "Add an entity");
  const relationButton = h("button", { type: "button", id: "add-relation-open" }, "Add a relation");
  entityButton.addEventListener("click", () => open("entity"));
  relationButton.addEventListener("click", () => open("relation"));
  const a = state.adding;
  return h(
    "section",
    { id: "add", class: "add", "aria-labelledby": "add-heading" },
    h("h3", { id: "add-heading" }, "Add what the draft missed"),
    h("p", { id: "add-picked", class: "muted", "aria-live": "polite" }, picked),
    h("div", { class: "actions" }, entityButton, relationButton),
    a?.what === "entity" ? entityForm(ctx, state, a, refresh) : null,
    a?.what === "relation" ? relationForm(ctx, state, a, refresh) : null,
  );
}
