/**
 * One entity of the review: accept or reject it, edit a new entity's key, or link it to an
 * entity of the graph. A key typed is checked against the draft and the graph as ingest would
 * read it: a key the graph has is a link (same kind) or refused (another kind).
 */
import { aKind } from "../../domain/vocabulary.js";
import { ApiError, entityByKey } from "./api.js";
import { combobox } from "./combobox.js";
import { h } from "./dom.js";
import { swatch } from "./kinds.js";
import { problemList, type ReviewContext } from "./relation-row.js";
import {
  type EntityReview,
  KEY,
  type Review,
  relationsOf,
  removeEntity,
  sentenceOf,
} from "./review.js";

export interface EntityContext extends ReviewContext {
  /** A key look-up on its way: an ingest or a check waits for it. */
  track(check: Promise<void>): void;
}

/** Why a typed key is put back when the graph could not be asked about it. */
export function uncheckedKey(error: unknown): string {
  return error instanceof ApiError
    ? `The key could not be checked (${error.message}): type it again.`
    : "The key could not be checked: type it again.";
}

/** The entity of the draft (other than `self`) written under `key`, if any. */
export function namesakeOf(
  ctx: ReviewContext,
  key: string,
  self?: EntityReview,
): EntityReview | undefined {
  return [...ctx.review.entities.values()].find(
    (o) => o !== self && o.key === key && !o.linked && o.entity.status !== "LINKED",
  );
}

/** The relations that use the entity, besides the article's mention of it (which goes with it). */
function usedBy(review: Review, draftKey: string) {
  return relationsOf(review, draftKey).filter(
    (x) => !(x.type === "MENTIONS" && "source" in x.from),
  );
}

/**
 * What removing an added entity asks and does: removed at once when only the article's mention
 * uses it; else the row names the relations that use it and asks before they go with it.
 */
function removal(ctx: EntityContext, draftKey: string, r: EntityReview): HTMLElement | null {
  if (!r.added) return null;
  const review = ctx.review;
  const id = `entity-${draftKey}`;
  const remove = () => {
    const keys = [...review.entities.keys()];
    const at = keys.indexOf(draftKey);
    // Said as the rows read now: once it is gone, its name is no longer in the review.
    const others = usedBy(review, draftKey).map((x) => `“${sentenceOf(review, x)}”`);
    if (removeEntity(review, draftKey) === null) return;
    ctx.say(
      others.length === 0
        ? `Removed the entity ${r.entity.name}, and this article's mention of it.`
        : `Removed the entity ${r.entity.name}, and with it ${others.length === 1 ? "the relation" : `${others.length} relations`}: ${others.join("; ")}.`,
    );
    ctx.render();
    const next = keys.filter((k) => k !== draftKey)[Math.min(at, keys.length - 2)];
    const target = next ? document.getElementById(`entity-${next}-keep`) : null;
    (target ?? document.getElementById("draft-entities"))?.focus();
  };
  if (r.removing) {
    const used = usedBy(review, draftKey);
    const all = h("button", { type: "button", id: `${id}-remove-all` }, "Remove it and them");
    const keep = h("button", { type: "button", id: `${id}-remove-cancel` }, "Keep it");
    all.addEventListener("click", remove);
    keep.addEventListener("click", () => {
      r.removing = false;
      ctx.render();
      document.getElementById(`${id}-remove`)?.focus();
    });
    return h(
      "div",
      { class: "confirm", id: `${id}-removing`, role: "group", "aria-labelledby": `${id}-used` },
      h(
        "p",
        { id: `${id}-used` },
        `${r.entity.name} is an end of ${used.length === 1 ? "a relation" : `${used.length} relations`}, which would go with it: `,
        used.map((x) => `“${sentenceOf(review, x)}”`).join("; "),
        ". Remove them too?",
      ),
      h("div", { class: "actions" }, all, keep),
    );
  }
  const button = h(
    "button",
    {
      type: "button",
      id: `${id}-remove`,
      class: "remove",
      "aria-label": `Remove ${r.entity.name}`,
    },
    "Remove",
  );
  button.addEventListener("click", () => {
    if (usedBy(review, draftKey).length === 0) return remove();
    r.removing = true;
    ctx.render();
    document.getElementById(`${id}-remove-all`)?.focus();
  });
  return button;
}

export function entityRow(ctx: EntityContext, draftKey: string, r: EntityReview): HTMLElement {
  const id = `entity-${draftKey}`;
  const keep = h("input", {
    type: "checkbox",
    id: `${id}-keep`,
    checked: r.accepted,
    "aria-label": `Accept ${r.entity.name}`,
  });
  keep.addEventListener("change", () => {
    r.accepted = keep.checked;
    ctx.render();
  });
  const keyInput = h("input", {
    id: `${id}-key`,
    value: r.key,
    "aria-label": `Key of ${r.entity.name}`,
    spellcheck: "false",
    disabled: r.linked !== null || r.entity.status === "LINKED",
  });
  const keyError = h("span", { class: "form-error", role: "alert" }, r.keyProblem ?? "");
  keyInput.addEventListener("change", () => {
    const next = keyInput.value.trim();
    if (!KEY.test(next)) {
      keyError.textContent = "A key is lowercase words joined by hyphens, e.g. anita-anand.";
      return;
    }
    const before = r.key;
    const refuse = (why: string) => {
      r.key = before;
      r.keyProblem = why;
      ctx.render();
    };
    r.keyProblem = undefined;
    r.refused = [];
    r.key = next;
    ctx.render();
    if (next === r.entity.key) return;
    // A new row of this draft under that key; a row of the graph's entity is checked below.
    const namesake = namesakeOf(ctx, next, r);
    if (namesake)
      return refuse(
        `${next} is already the key of ${namesake.entity.name} in this draft: give this one a key of its own.`,
      );
    // A key the graph already has names that entity: written under it, this draft's name,
    // aliases and fields would become its newest claims (a new nation keyed "canada" renamed
    // Canada, ISO code and all). Of the same kind it is a link, as if picked below; of
    // another kind it cannot be this one. The key is taken at once (most keys are free) and
    // put back if the graph has it; an ingest waits for the answer.
    const check = entityByKey(next).then(
      (found) => {
        if (r.key !== next || found === null) return;
        if (found.kind !== r.entity.kind)
          return refuse(
            `${next} is ${found.name} in the graph, ${aKind(found.kind)}: give this ${r.entity.kind} a key of its own, or link it to an entity below.`,
          );
        r.linked = found;
        ctx.render();
      },
      (error: unknown) => {
        if (r.key !== next) return;
        refuse(uncheckedKey(error));
      },
    );
    ctx.track(check);
  });
  // A new entity's name, as the article should have it: the draft's is a proposal (a
  // quotation's name starts with the speaker the draft guessed: "Mattis: We are aware ..." stayed
  // Mattis's after the reviewer gave the quotation to Stoltenberg, with no way to mend it here).
  // An entity of the graph keeps its own name, so only a new row has the box.
  const isNew = r.linked === null && r.entity.status !== "LINKED";
  const nameInput = isNew
    ? h("input", {
        id: `${id}-name`,
        value: r.entity.name,
        "aria-label": `Name of ${r.entity.name}`,
        spellcheck: "false",
      })
    : null;
  nameInput?.addEventListener("change", () => {
    const next = nameInput.value.replace(/\s+/g, " ").trim();
    if (!next) {
      // Put beside the box only when there is something to say (a redraw takes it away): the
      // row's other message, the key's, stays the row's one .form-error otherwise.
      const said = `A name cannot be blank: the entity keeps the name ${r.entity.name}.`;
      const error = document.getElementById(`${id}-name-error`);
      if (error) error.textContent = said;
      else
        nameInput.after(
          h("span", { id: `${id}-name-error`, class: "form-error", role: "alert" }, said),
        );
      return;
    }
    if (next === r.entity.name) return;
    r.entity = { ...r.entity, name: next };
    r.refused = [];
    ctx.render();
  });
  const linkInput = h("input", {
    id: `${id}-link`,
    type: "search",
    placeholder: "Link to an entity of the graph…",
    "aria-label": `Link ${r.entity.name} to an entity of the graph`,
  });
  const linkList = h("ul", { id: `${id}-link-results`, hidden: true });
  const status = r.linked
    ? `linked to ${r.linked.name} (${r.linked.key})`
    : r.entity.status === "LINKED"
      ? "in the graph"
      : r.added
        ? "new, added by you"
        : "new";
  const row = h(
    "li",
    {
      class: r.accepted ? "entity-row" : "entity-row rejected",
      "data-key": draftKey,
    },
    h(
      "div",
      { class: "head" },
      h(
        "label",
        { for: `${id}-keep` },
        keep,
        swatch(r.entity.kind),
        h("strong", {}, r.entity.name),
      ),
      h("span", { class: "muted" }, ` ${r.entity.kind} · ${status}`),
    ),
    problemList(`${id}-problems`, r.refused ?? []),
    h(
      "div",
      { class: "edit" },
      ...(nameInput ? [nameInput] : []),
      keyInput,
      keyError,
      h("div", { class: "field" }, linkInput, linkList),
      removal(ctx, draftKey, r),
    ),
  );
  combobox(
    linkInput,
    linkList,
    (entity) => {
      r.linked = entity;
      r.key = entity.key;
      r.keyProblem = undefined;
      ctx.render();
    },
    (error) => ctx.problem(error instanceof ApiError ? error.message : "The search failed."),
    undefined,
    true,
  );
  row.addEventListener("mouseenter", () => ctx.light("entity", draftKey, true));
  row.addEventListener("mouseleave", () => ctx.light("entity", draftKey, false));
  row.addEventListener("focusin", () => ctx.light("entity", draftKey, true));
  row.addEventListener("focusout", () => ctx.light("entity", draftKey, false));
  return row;
}
