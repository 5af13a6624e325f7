/**
 * One relation of the review: accept or reject it, and mend it. Its editor changes the type (only
 * those the registry allows between the two ends' kinds), either end (any entity of the draft or
 * of the graph, in the search box the page links entities with) and its values (the properties of
 * its type), each refused beside its field as ingest would refuse it, before anything is sent.
 */

import { isRelationType, type PropertyType, relationProperties } from "../../domain/vocabulary.js";
import { ApiError, type EntityRef } from "./api.js";
import { combobox } from "./combobox.js";
import { h } from "./dom.js";
import {
  hasProblems,
  parseValue,
  type RelationProblems,
  relationProblems,
  typesBetween,
} from "./relation-check.js";
import {
  type End,
  endKind,
  endName,
  endOf,
  endRejected,
  idOf,
  mended,
  type RelationReview,
  type Review,
  removeRelation,
  sentenceOf,
  setEvidence,
} from "./review.js";

export interface ReviewContext {
  review: Review;
  /** Draws the review again from its state (focus stays on the element of the same id). */
  render(): void;
  /** Says a page-wide problem (a search that failed). */
  problem(message: string): void;
  /** Lights up, in the text, what a row stands for. */
  light(attr: "entity" | "relation", id: string, on: boolean): void;
  /** Says what an action did (a row removed, and what went with it), politely. */
  say(message: string): void;
}

/** A sentence as a list shows it. */
export const clip = (s: string) => (s.length > 140 ? `${s.slice(0, 139)}…` : s);

/** Whether a word of `name` (after a start, a space or other non-letter) begins with `t`. */
function wordStarts(name: string, t: string): boolean {
  for (let i = name.indexOf(t); i >= 0; i = name.indexOf(t, i + 1))
    if (i === 0 || !/[\p{L}\p{N}]/u.test(name[i - 1] ?? "")) return true;
  return false;
}

/**
 * The draft's entities (and the article) whose name or key holds what was typed: the whole name
 * first, then names with a word that starts so ("Kingdom", "def" for Latvian Defence Ministry),
 * then any that hold it ("def" in Undefeated); ties in the draft's order. A word's start ranked
 * as a part of a word did, so the draft's order put Undefeated before Defence (noticed31).
 */
export function draftCandidates(review: Review, typed: string): EntityRef[] {
  const t = typed.trim().toLocaleLowerCase();
  if (!t) return [];
  const out: { entity: EntityRef; rank: number }[] = [];
  const offer = (entity: EntityRef) => {
    const name = entity.name.toLocaleLowerCase();
    const rank = name === t ? 0 : wordStarts(name, t) ? 1 : 2;
    if (name.includes(t) || entity.key.includes(t)) out.push({ entity, rank });
  };
  const seen = new Set<string>();
  for (const r of review.entities.values()) {
    if (!r.accepted || seen.has(r.key)) continue;
    seen.add(r.key);
    offer({
      key: r.key,
      name: r.linked?.name ?? r.entity.name,
      kind: r.linked?.kind ?? r.entity.kind,
    });
  }
  offer({ key: review.sourceKey, name: "this article", kind: "Source" });
  return out
    .sort((a, b) => a.rank - b.rank)
    .slice(0, 8)
    .map((o) => o.entity);
}

/** A search box for an end: the draft's entities first, then the graph's. */
export function endBox(
  ctx: ReviewContext,
  id: string,
  label: string,
  end: End | null,
  onPick: (end: End) => void,
): { input: HTMLInputElement; list: HTMLUListElement } {
  // A redraw (another field picked, a key checked) keeps what is being typed here.
  const before = document.getElementById(id);
  const typing =
    before instanceof HTMLInputElement && before.dataset.typing === "true" ? before.value : null;
  const input = h("input", {
    id,
    type: "search",
    value: typing ?? (end ? endName(ctx.review, end) : ""),
    placeholder: "An entity of the draft or the graph…",
    "aria-label": label,
    spellcheck: "false",
    "data-typing": typing === null ? null : "true",
  });
  input.addEventListener("input", () => {
    input.dataset.typing = "true";
  });
  const list = h("ul", { id: `${id}-results`, class: "results", hidden: true });
  combobox(
    input,
    list,
    (entity) => {
      // Taken: the box shows the end from now on (the one drawn now, if it was drawn again).
      for (const box of [input, document.getElementById(id)])
        if (box instanceof HTMLInputElement) delete box.dataset.typing;
      onPick(endOf(ctx.review, entity));
    },
    (error) => ctx.problem(error instanceof ApiError ? error.message : "The search failed."),
    (typed) => draftCandidates(ctx.review, typed),
    true,
  );
  return { input, list };
}

/** The text a value field shows for a property. */
function shown(r: RelationReview, name: string): string {
  const typed = r.typed[name];
  if (typed !== undefined) return typed;
  const value = r.properties[name];
  return value === undefined || value === null ? "" : String(value);
}

function valueInput(id: string, name: string, spec: PropertyType, value: string): HTMLElement {
  const common = { id, "aria-describedby": `${id}-error` };
  if (spec.type === "enum" || spec.type === "boolean") {
    const options: [string, string][] =
      spec.type === "enum"
        ? spec.values.map((v) => [v, v])
        : [
            ["true", "yes"],
            ["false", "no"],
          ];
    return h(
      "select",
      common,
      h("option", { value: "", selected: value === "" }, "—"),
      options.map(([v, text]) => h("option", { value: v, selected: v === value }, text)),
    );
  }
  const numeric = spec.type === "number" || spec.type === "integer";
  return h("input", {
    ...common,
    type: "text",
    value,
    spellcheck: "false",
    inputmode: numeric ? "decimal" : null,
    placeholder: spec.type === "partialDate" ? "YYYY, YYYY-MM or YYYY-MM-DD" : null,
    title: spec.description,
    "data-property": name,
  });
}

function editor(ctx: ReviewContext, r: RelationReview, problems: RelationProblems): HTMLElement {
  const review = ctx.review;
  const base = `relation-${r.id}`;
  const changed = () => {
    // What the server said was of the relation as it was.
    r.refused = [];
    ctx.render();
  };
  const error = (field: string) =>
    h(
      "span",
      { id: `${base}-${field}-error`, class: "form-error field-error" },
      problems.fields[field] ?? "",
    );

  const fromKind = endKind(review, r.from);
  const toKind = endKind(review, r.to);
  const allowed = typesBetween(fromKind, toKind);
  const type = h(
    "select",
    { id: `${base}-type`, "aria-describedby": `${base}-type-error` },
    allowed.includes(r.type)
      ? null
      : h("option", { value: r.type, selected: true }, `${r.type} (not between these kinds)`),
    allowed.map((t) => h("option", { value: t, selected: t === r.type }, t)),
  );
  type.addEventListener("change", () => {
    r.type = type.value;
    // Values the new type has no property for would be refused: they go with the old type.
    const spec = isRelationType(r.type) ? relationProperties(r.type) : {};
    for (const name of Object.keys(r.properties)) if (!(name in spec)) delete r.properties[name];
    for (const name of Object.keys(r.typed)) if (!(name in spec)) delete r.typed[name];
    changed();
  });

  const ends = (["from", "to"] as const).map((side) => {
    const box = endBox(ctx, `${base}-${side}`, side === "from" ? "From" : "To", r[side], (end) => {
      r[side] = end;
      changed();
    });
    box.input.setAttribute("aria-describedby", `${base}-${side}-error`);
    const kind = endKind(review, r[side]);
    return h(
      "div",
      { class: "field" },
      h("label", { for: box.input.id }, side === "from" ? "From" : "To"),
      box.input,
      box.list,
      h("span", { class: "muted" }, kind ?? ""),
      error(side),
    );
  });

  const spec = isRelationType(r.type) ? relationProperties(r.type) : {};
  const values = Object.entries(spec).map(([name, t]) => {
    const id = `${base}-value-${name}`;
    const input = valueInput(id, name, t, shown(r, name));
    input.addEventListener("change", () => {
      const text = (input as HTMLInputElement | HTMLSelectElement).value;
      const parsed = parseValue(t, text);
      delete r.properties[name];
      delete r.typed[name];
      if (parsed && "value" in parsed) r.properties[name] = parsed.value;
      else if (parsed) r.typed[name] = parsed.typed;
      changed();
    });
    return h(
      "div",
      { class: "field" },
      h("label", { for: id, title: t.description }, name),
      input,
      error(name),
    );
  });

  // The evidence: one of the text's own sentences, verbatim, as ingest takes it (a stretch of
  // the reader's would be refused as no excerpt, or quote half a statement).
  const evidence = h(
    "select",
    { id: `${base}-evidence`, "aria-describedby": `${base}-evidence-error` },
    review.sentences.some((s) => s.start === r.span.start && s.end === r.span.end)
      ? null
      : h("option", { value: "", selected: true }, clip(r.evidence)),
    review.sentences.map((s, i) =>
      h(
        "option",
        { value: i, selected: s.start === r.span.start && s.end === r.span.end },
        clip(review.text.slice(s.start, s.end)),
      ),
    ),
  );
  evidence.addEventListener("change", () => {
    const sentence = review.sentences[Number(evidence.value)];
    if (sentence && setEvidence(review, r, sentence)) changed();
  });
  // Or by a click in the article: pressed, the next sentence clicked there is the evidence. A
  // pointer's way, out of the tab order: the keyboard has the list, and Tab goes on to the flag.
  const picking = review.picking === r.id;
  const pickButton = h(
    "button",
    {
      type: "button",
      id: `${base}-evidence-pick`,
      tabindex: -1,
      "aria-pressed": String(picking),
      "aria-describedby": `${base}-evidence-help`,
    },
    "Pick in the text",
  );
  pickButton.addEventListener("click", () => {
    review.picking = picking ? null : r.id;
    ctx.render();
  });
  const inferred = h("input", {
    type: "checkbox",
    id: `${base}-inferred`,
    checked: r.inferred,
    "aria-describedby": `${base}-inferred-help`,
  });
  inferred.addEventListener("change", () => {
    r.inferred = inferred.checked;
    changed();
  });

  return h(
    "fieldset",
    { id: `${base}-editor`, class: "relation-editor" },
    h("legend", {}, "Mend this relation"),
    h("div", { class: "field" }, h("label", { for: type.id }, "Type"), type, error("type")),
    ends,
    values.length > 0 ? h("div", { class: "values" }, values) : null,
    h(
      "div",
      { class: "field wide" },
      h("label", { for: evidence.id }, "Evidence (the sentence that states it)"),
      evidence,
      pickButton,
      h(
        "span",
        { id: `${base}-evidence-help`, class: "muted", "aria-live": "polite" },
        picking ? "Click the sentence in the article that states it." : "",
      ),
      error("evidence"),
    ),
    h(
      "div",
      { class: "field check" },
      h("label", { for: inferred.id }, inferred, " Inferred"),
      h(
        "span",
        { id: `${base}-inferred-help`, class: "muted" },
        " the sentence implies it rather than states it",
      ),
    ),
  );
}

/** What a row says of its relation's problems (the page's and the server's), and its classes. */
function rowState(review: Review, r: RelationReview, problems: RelationProblems) {
  const endsOk = !endRejected(review, r.from) && !endRejected(review, r.to);
  const broken = hasProblems(problems) || r.refused.length > 0;
  const fieldCount = Object.keys(problems.fields).length;
  const said = [
    ...problems.row,
    ...(!r.editing && fieldCount > 0
      ? Object.entries(problems.fields).map(([field, message]) => `${field}: ${message}`)
      : []),
    ...r.refused,
  ];
  const classes = ["relation-row"];
  if (!(r.accepted && endsOk)) classes.push("rejected");
  if (broken && r.accepted && endsOk) classes.push("broken");
  if (r.index === null) classes.push("added");
  return { endsOk, said, classes: classes.join(" ") };
}

/** The list of a row's problems, or null when there is none. */
export function problemList(id: string, said: readonly string[]): HTMLElement | null {
  return said.length > 0
    ? h(
        "ul",
        { class: "problems row-problems", id, role: "alert" },
        said.map((s) => h("li", {}, s)),
      )
    : null;
}

/**
 * Puts what the server said of `r` on its row drawn as `row`, in place: the row is not drawn
 * again, so nothing the reader is typing or has open in it goes.
 */
export function showRefused(review: Review, row: HTMLElement, r: RelationReview): void {
  const { said, classes } = rowState(review, r, relationProblems(review, r));
  row.className = classes;
  const list = problemList(`relation-${r.id}-problems`, said);
  const before = row.querySelector(":scope > .row-problems");
  if (before && list) before.replaceWith(list);
  else if (before) before.remove();
  else if (list) row.querySelector(":scope > .head")?.after(list);
}

export function relationRow(ctx: ReviewContext, r: RelationReview): HTMLElement {
  const review = ctx.review;
  const sentence = sentenceOf(review, r);
  const problems = relationProblems(review, r);
  const { endsOk, said, classes } = rowState(review, r, problems);
  const keep = h("input", {
    type: "checkbox",
    id: `relation-${r.id}-keep`,
    checked: r.accepted && endsOk,
    disabled: !endsOk,
    "aria-label": `Accept ${sentence}`,
  });
  keep.addEventListener("change", () => {
    r.accepted = keep.checked;
    ctx.render();
  });
  const edit = h(
    "button",
    {
      type: "button",
      id: `relation-${r.id}-edit`,
      class: "edit-toggle",
      "aria-expanded": r.editing ? "true" : "false",
      "aria-controls": `relation-${r.id}-editor`,
      "aria-label": `${r.editing ? "Close" : "Mend"} ${sentence}`,
    },
    r.editing ? "Done" : "Mend",
  );
  edit.addEventListener("click", () => {
    r.editing = !r.editing;
    if (!r.editing && ctx.review.picking === r.id) ctx.review.picking = null;
    ctx.render();
  });
  // One the reader added can go again (a drafted one is rejected: it is what was proposed).
  const remove =
    r.index === null
      ? h(
          "button",
          {
            type: "button",
            id: `relation-${r.id}-remove`,
            class: "remove",
            "aria-label": `Remove ${sentence}`,
          },
          "Remove",
        )
      : null;
  remove?.addEventListener("click", () => {
    const at = review.relations.indexOf(r);
    if (!removeRelation(review, r.id)) return;
    ctx.say(`Removed the relation “${sentence}”.`);
    ctx.render();
    // The keyboard goes on at the next row (or the one before), else at the list's heading.
    const next = review.relations[Math.min(at, review.relations.length - 1)];
    const target = next ? document.getElementById(`relation-${next.id}-keep`) : null;
    (target ?? document.getElementById("draft-relations"))?.focus();
  });
  const row = h(
    "li",
    { class: classes, "data-id": idOf(review, r), "data-row": r.id },
    h(
      "div",
      { class: "head" },
      h(
        "label",
        { for: keep.id },
        keep,
        h("span", { class: "sentence" }, sentence),
        h(
          "span",
          { class: "muted" },
          r.confidence === null ? " · added by you" : ` · ${Math.round(r.confidence * 100)} %`,
          mended(review, r) ? " · mended" : "",
          r.inferred ? " · inferred" : "",
          endsOk ? "" : " · an end was rejected",
        ),
      ),
      h("span", { class: "row-actions" }, edit, remove),
    ),
    problemList(`relation-${r.id}-problems`, said),
    h("blockquote", {}, r.evidence),
    r.editing ? editor(ctx, r, problems) : null,
  );
  row.addEventListener("mouseenter", () => ctx.light("relation", r.id, true));
  row.addEventListener("mouseleave", () => ctx.light("relation", r.id, false));
  row.addEventListener("focusin", () => ctx.light("relation", r.id, true));
  row.addEventListener("focusout", () => ctx.light("relation", r.id, false));
  return row;
}
