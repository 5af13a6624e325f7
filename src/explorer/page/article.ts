/**
 * "Add an article": paste an article's text, let the API's extractDocument propose a draft,
 * review it (each entity and relation highlighted in the text; accept or reject each; edit a new
 * entity's key or link it to one in the graph), then ingest the edited document with
 * ingestDocument. Both calls need a write token, which the page holds in memory for this visit
 * only: never in the URL, storage or a cookie.
 */
import {
  ApiError,
  type ArticleMeta,
  checkDocument,
  type Draft,
  type DraftDocument,
  type DraftEntity,
  type DraftRelation,
  type EntityRef,
  entityByKey,
  extractDocument,
  ingestDocument,
  type Outcomes,
} from "./api.js";
import { combobox } from "./combobox.js";
import { append, byId, h } from "./dom.js";
import { swatch } from "./kinds.js";

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface EntityReview {
  entity: DraftEntity;
  accepted: boolean;
  /** The key it is written under: the proposed one, as edited, or the linked entity's. */
  key: string;
  linked: EntityRef | null;
  /** Why the key last typed was not taken, shown beside the key until the next edit. */
  keyProblem?: string;
}

interface RelationReview {
  relation: DraftRelation;
  accepted: boolean;
}

interface Review {
  draft: Draft;
  text: string;
  sourceKey: string;
  entities: Map<string, EntityReview>;
  relations: RelationReview[];
}

export interface ArticleActions {
  /** Shows the ingested article in the graph: these entities, with `select` selected. */
  show(keys: string[], select: string): void;
  close(): void;
}

/** The document as reviewed: rejected parts left out, keys as edited or linked. */
export function reviewedDocument(review: Review): DraftDocument {
  return reviewed(review).document;
}

/**
 * The reviewed document, with where each of its entities and relations comes from in the draft
 * (the draft entity's key, the draft relation's index): ingest's problems name a place in the
 * document sent ("relations.3.to"), which is not the row the reader sees once rows were rejected.
 */
function reviewed(review: Review): {
  document: DraftDocument;
  entityOf: string[];
  relationOf: number[];
} {
  const doc = review.draft.document;
  const rename = new Map<string, string>();
  const dropped = new Set<string>();
  for (const [key, r] of review.entities) {
    if (!r.accepted) dropped.add(key);
    else if (r.key !== key) rename.set(key, r.key);
  }
  const keyOf = (key: string) => rename.get(key) ?? key;
  const keep = new Set(
    review.relations
      .filter((r) => r.accepted && !dropped.has(r.relation.from) && !dropped.has(r.relation.to))
      .map((r) => r.relation.index),
  );
  const entities = doc.entities
    .filter((e) => !dropped.has(e.key))
    // An entity of the graph (found by the extractor or linked by the reader) stands as it
    // is: the draft's entry would add names and fields nobody reviewed, so it goes, and the
    // relations simply use its key.
    .filter((e) => {
      const r = review.entities.get(e.key);
      return !r?.linked && r?.entity.status !== "LINKED";
    });
  const relations = doc.relations
    .map((r, index) => ({ r, index }))
    .filter(({ index }) => keep.has(index));
  return {
    document: {
      ...doc,
      source: { ...doc.source, key: review.sourceKey },
      entities: entities.map((e) => ({ ...e, key: keyOf(e.key) })),
      relations: relations.map(({ r }) => {
        const from = r.from === doc.source.key ? review.sourceKey : keyOf(r.from);
        const to = r.to === doc.source.key ? review.sourceKey : keyOf(r.to);
        return { ...r, from, to };
      }),
    },
    entityOf: entities.map((e) => e.key),
    relationOf: relations.map(({ index }) => index),
  };
}

/** The text cut where any mention or relation starts or ends, each piece with what covers it. */
function segments(review: Review) {
  const cuts = new Set([0, review.text.length]);
  for (const { entity } of review.entities.values())
    for (const m of entity.mentions) cuts.add(m.start).add(m.end);
  for (const { relation } of review.relations) cuts.add(relation.span.start).add(relation.span.end);
  const points = [...cuts].filter((n) => n >= 0 && n <= review.text.length).sort((a, b) => a - b);
  const out: { start: number; end: number; entities: string[]; relations: number[] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const entities = [...review.entities.values()]
      .filter((r) => r.entity.mentions.some((m) => m.start <= start && m.end >= end))
      .map((r) => r.entity.key);
    const relations = review.relations
      .filter((r) => r.relation.span.start <= start && r.relation.span.end >= end)
      .map((r) => r.relation.index);
    out.push({ start, end, entities, relations });
  }
  return out;
}

export function articleView(root: HTMLElement, actions: ArticleActions): void {
  let token = "";
  let review: Review | null = null;
  /** Look-ups of keys typed, still on their way: an ingest waits for them. */
  const checks = new Set<Promise<void>>();

  const form = h(
    "form",
    { id: "article-form", class: "article-form", "aria-label": "The article" },
    h(
      "div",
      { class: "field wide" },
      h("label", { for: "article-text" }, "Article text"),
      h("textarea", {
        id: "article-text",
        rows: 10,
        required: true,
        placeholder: "Paste the article's text here.",
      }),
    ),
    h(
      "div",
      { class: "meta" },
      field("article-title", "Title"),
      field("article-publisher", "Publisher"),
      field("article-date", "Published (YYYY-MM-DD)", { placeholder: "2022-03-08" }),
      field("article-url", "Web address", { type: "url", placeholder: "https://…" }),
      field("article-token", "Write token", {
        type: "password",
        autocomplete: "off",
        "aria-describedby": "token-help",
      }),
    ),
    h(
      "p",
      { id: "token-help", class: "muted" },
      "A token with the write scope (npm run token). The page keeps it only while it is open.",
    ),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", id: "extract" }, "Extract a draft"),
      h("button", { type: "button", id: "article-close" }, "Back to the graph"),
    ),
    h("p", { id: "article-error", class: "form-error", role: "alert" }),
  );
  const reviewEl = h("div", { id: "review", class: "review" });
  root.replaceChildren(h("h2", { id: "article-heading" }, "Add an article"), form, reviewEl);

  const value = (id: string) => byId<HTMLInputElement>(id).value.trim();
  const problem = (message: string) => {
    byId("article-error").textContent = message;
  };

  byId("article-close").addEventListener("click", () => actions.close());

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    problem("");
    token = value("article-token");
    const text = byId<HTMLTextAreaElement>("article-text").value;
    if (!text.trim()) return problem("Paste the article's text first.");
    if (!token) return problem("A write token is needed to extract and to ingest.");
    const meta: ArticleMeta = {};
    if (value("article-title")) meta.title = value("article-title");
    if (value("article-publisher")) meta.publisher = value("article-publisher");
    if (value("article-date")) meta.publishedAt = value("article-date");
    if (value("article-url")) meta.url = value("article-url");
    const button = byId<HTMLButtonElement>("extract");
    button.disabled = true;
    reviewEl.setAttribute("aria-busy", "true");
    reviewEl.replaceChildren(h("p", { class: "muted" }, "Extracting…"));
    extractDocument(text, meta, token)
      .then(
        (draft) => {
          review = {
            draft,
            text: draft.document.source.properties.text,
            sourceKey: draft.document.source.key,
            entities: new Map(
              draft.entities.map((entity) => [
                entity.key,
                { entity, accepted: true, key: entity.key, linked: null },
              ]),
            ),
            relations: draft.relations.map((relation) => ({ relation, accepted: true })),
          };
          renderReview();
        },
        (error: unknown) => {
          reviewEl.replaceChildren();
          problem(error instanceof ApiError ? error.message : "The draft could not be made.");
        },
      )
      .finally(() => {
        button.disabled = false;
        reviewEl.setAttribute("aria-busy", "false");
      });
  });

  function nameOf(key: string): string {
    const r = review?.entities.get(key);
    if (r?.linked) return r.linked.name;
    if (r) return r.entity.name;
    return key === review?.draft.document.source.key ? "this article" : key;
  }

  function keyOf(key: string): string {
    if (key === review?.draft.document.source.key) return review.sourceKey;
    return review?.entities.get(key)?.key ?? key;
  }

  function sentence(r: DraftRelation): string {
    return `${nameOf(r.from)} ${r.type} ${nameOf(r.to)}`;
  }

  /** Lights up, in the text, what a row of the review stands for. */
  function light(attr: "entity" | "relation", id: string, on: boolean): void {
    for (const el of reviewEl.querySelectorAll<HTMLElement>(`.text [data-${attr}s]`)) {
      const ids = (el.dataset[`${attr}s`] ?? "").split(" ");
      el.classList.toggle("lit", on && ids.includes(id));
    }
  }

  function textView(r: Review): HTMLElement {
    const accepted = new Set(
      r.relations.filter((x) => x.accepted).map((x) => String(x.relation.index)),
    );
    return h(
      "div",
      { class: "text", "aria-label": "The article, with what the draft found" },
      segments(r).map((s) => {
        const piece = r.text.slice(s.start, s.end);
        if (s.entities.length === 0 && s.relations.length === 0) return piece;
        const ent = s.entities.map((k) => r.entities.get(k)).filter((x) => x !== undefined);
        const classes = [
          ent.length > 0 ? (ent.some((e) => e.accepted) ? "ent" : "ent rejected") : "",
          s.relations.length > 0
            ? s.relations.some((i) => accepted.has(String(i)))
              ? "rel"
              : "rel rejected"
            : "",
        ].join(" ");
        return h(
          ent.length > 0 ? "mark" : "span",
          {
            class: classes.trim(),
            "data-entities": s.entities.join(" ") || null,
            "data-relations": s.relations.join(" ") || null,
            title:
              ent.length > 0
                ? ent.map((e) => `${e.entity.name} (${e.entity.kind})`).join(", ")
                : null,
          },
          piece,
        );
      }),
    );
  }

  function entityRow(r: EntityReview): HTMLElement {
    const id = `entity-${r.entity.key}`;
    const keep = h("input", {
      type: "checkbox",
      id: `${id}-keep`,
      checked: r.accepted,
      "aria-label": `Accept ${r.entity.name}`,
    });
    keep.addEventListener("change", () => {
      r.accepted = keep.checked;
      renderReview();
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
        renderReview();
      };
      r.keyProblem = undefined;
      r.key = next;
      renderReview();
      if (next === r.entity.key) return;
      // A new row of this draft under that key; a row of the graph's entity is checked below.
      const namesake = [...(review?.entities.values() ?? [])].find(
        (o) => o !== r && o.key === next && !o.linked && o.entity.status !== "LINKED",
      );
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
              `${next} is ${found.name} in the graph, a ${found.kind}: give this ${r.entity.kind} a key of its own, or link it to an entity below.`,
            );
          r.linked = found;
          renderReview();
        },
        (error: unknown) => {
          if (r.key !== next) return;
          refuse(uncheckedKey(error));
        },
      );
      track(check);
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
        : "new";
    const row = h(
      "li",
      { class: r.accepted ? "entity-row" : "entity-row rejected", "data-key": r.entity.key },
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
      h(
        "div",
        { class: "edit" },
        keyInput,
        keyError,
        h("div", { class: "field" }, linkInput, linkList),
      ),
    );
    combobox(
      linkInput,
      linkList,
      (entity) => {
        r.linked = entity;
        r.key = entity.key;
        r.keyProblem = undefined;
        renderReview();
      },
      (error) => problem(error instanceof ApiError ? error.message : "The search failed."),
    );
    row.addEventListener("mouseenter", () => light("entity", r.entity.key, true));
    row.addEventListener("mouseleave", () => light("entity", r.entity.key, false));
    row.addEventListener("focusin", () => light("entity", r.entity.key, true));
    row.addEventListener("focusout", () => light("entity", r.entity.key, false));
    return row;
  }

  function relationRow(r: RelationReview, entitiesOk: boolean): HTMLElement {
    const rel = r.relation;
    const keep = h("input", {
      type: "checkbox",
      id: `relation-${rel.index}-keep`,
      checked: r.accepted && entitiesOk,
      disabled: !entitiesOk,
      "aria-label": `Accept ${sentence(rel)}`,
    });
    keep.addEventListener("change", () => {
      r.accepted = keep.checked;
      renderReview();
    });
    const row = h(
      "li",
      {
        class: r.accepted && entitiesOk ? "relation-row" : "relation-row rejected",
        // The relation as it would be written: from|TYPE|to, with the keys as reviewed.
        "data-id": `${keyOf(rel.from)}|${rel.type}|${keyOf(rel.to)}`,
      },
      h(
        "label",
        { for: keep.id },
        keep,
        h("span", { class: "sentence" }, sentence(rel)),
        h(
          "span",
          { class: "muted" },
          ` · ${Math.round(rel.confidence * 100)} %`,
          rel.inferred ? " · inferred" : "",
          entitiesOk ? "" : " · an end was rejected",
        ),
      ),
      h("blockquote", {}, rel.excerpt),
    );
    const id = String(rel.index);
    row.addEventListener("mouseenter", () => light("relation", id, true));
    row.addEventListener("mouseleave", () => light("relation", id, false));
    row.addEventListener("focusin", () => light("relation", id, true));
    row.addEventListener("focusout", () => light("relation", id, false));
    return row;
  }

  function renderReview(): void {
    const r = review;
    if (!r) return;
    const focused = document.activeElement?.id;
    const okEnds = (rel: DraftRelation) =>
      r.entities.get(rel.from)?.accepted !== false && r.entities.get(rel.to)?.accepted !== false;
    const doc = reviewedDocument(r);
    const sourceKey = h("input", {
      id: "article-source-key",
      value: r.sourceKey,
      spellcheck: "false",
      "aria-label": "Key of this article's source",
    });
    sourceKey.addEventListener("change", () => {
      const next = sourceKey.value.trim();
      if (!KEY.test(next)) return problem("A key is lowercase words joined by hyphens.");
      problem("");
      const before = r.sourceKey;
      r.sourceKey = next;
      renderReview();
      // A key of another kind of entity cannot be this article's (ingest would say only that
      // the article mentions itself); a Source's key is checked by ingest (the same article, or
      // refused with a free key). Taken at once, put back if the graph says otherwise.
      const refuse = (why: string) => {
        if (r.sourceKey !== next) return;
        r.sourceKey = before;
        renderReview();
        problem(why);
      };
      const check = entityByKey(next).then(
        (found) => {
          if (found && found.kind !== "Source")
            refuse(
              `${next} is ${found.name} in the graph, a ${found.kind}: give this article a key of its own.`,
            );
        },
        (error: unknown) => refuse(uncheckedKey(error)),
      );
      track(check);
    });
    const ingest = h(
      "button",
      { type: "button", id: "ingest", disabled: doc.relations.length === 0 },
      `Ingest ${doc.relations.length} ${doc.relations.length === 1 ? "relation" : "relations"}`,
    );
    ingest.addEventListener("click", () => void send(r, ingest));
    // Ingest's dry run: what the reviewed document would create, change or corroborate in the
    // graph (an existing entity's name, a relation's figures), before anything is written.
    const preview = h(
      "button",
      { type: "button", id: "check-ingest", disabled: doc.relations.length === 0 },
      "Show what it would change",
    );
    preview.addEventListener("click", () => void check(r, preview));
    reviewEl.replaceChildren();
    append(reviewEl, [
      h("h3", {}, "Draft"),
      r.draft.problems.length > 0
        ? h(
            "ul",
            { class: "problems" },
            r.draft.problems.map((p) => h("li", {}, p)),
          )
        : null,
      h(
        "div",
        { class: "source-key" },
        h("label", { for: "article-source-key" }, "Source key "),
        sourceKey,
      ),
      textView(r),
      h(
        "div",
        { class: "columns" },
        h(
          "section",
          { "aria-labelledby": "draft-entities" },
          h("h3", { id: "draft-entities" }, `Entities (${r.entities.size})`),
          h("ul", { class: "rows" }, [...r.entities.values()].map(entityRow)),
        ),
        h(
          "section",
          { "aria-labelledby": "draft-relations" },
          h("h3", { id: "draft-relations" }, `Relations (${r.relations.length})`),
          h(
            "ul",
            { class: "rows" },
            r.relations.map((x) => relationRow(x, okEnds(x.relation))),
          ),
        ),
      ),
      h("div", { class: "actions" }, preview, ingest),
      h("div", { id: "ingest-result", role: "status" }),
    ]);
    if (focused) document.getElementById(focused)?.focus();
  }

  /**
   * Where a problem of the sent document is, in the words of the review: "relations.3.to" of
   * the document is the row "Jonas Petraitis SERVES_IN Lithuania" (its index counts only the
   * rows kept, so it is no row number the reader can count to).
   */
  function where(sent: ReturnType<typeof reviewed>, path: string[]): string {
    const [part, at, ...rest] = path;
    const field = rest.length > 0 ? ` (${rest.join(".")})` : "";
    const draft = review?.draft;
    if (part === "relations" && at !== undefined) {
      const rel = draft?.relations.find((x) => x.index === sent.relationOf[Number(at)]);
      if (rel) return `Relation "${sentence(rel)}"${field}`;
    }
    if (part === "entities" && at !== undefined) {
      const key = sent.entityOf[Number(at)];
      const entity = key === undefined ? undefined : review?.entities.get(key);
      if (entity) return `Entity "${entity.entity.name}" (key ${entity.key})${field}`;
    }
    if (part === "source")
      return `This article's source${path.length > 1 ? ` (${path.slice(1).join(".")})` : ""}`;
    return path.join(".");
  }

  /** Problems of the sent document, each named by its row in the review. */
  function refusal(
    sent: ReturnType<typeof reviewed>,
    problems: { path: string[]; message: string }[],
  ) {
    return [
      h("p", { class: "form-error" }, "Nothing was written:"),
      h(
        "ul",
        { class: "problems" },
        problems.map((p) => h("li", {}, `${where(sent, p.path)}: ${p.message}`)),
      ),
    ];
  }

  /**
   * Sends the reviewed document (once the key look-ups on their way are in) with `button`
   * disabled meanwhile, and shows in #ingest-result what `work` makes of the answer, the
   * refusal's problems by row, or why it could not be sent.
   */
  /** A key look-up on its way: an ingest or a check waits for it (see submit). */
  function track(check: Promise<void>): void {
    checks.add(check);
    void check.finally(() => checks.delete(check));
  }

  async function submit(
    r: Review,
    button: HTMLButtonElement,
    busy: string,
    failed: string,
    work: (sent: ReturnType<typeof reviewed>, out: HTMLElement) => Promise<void>,
  ): Promise<void> {
    const out = byId("ingest-result");
    button.disabled = true;
    out.replaceChildren(h("p", { class: "muted" }, busy));
    try {
      await Promise.all([...checks]);
      await work(reviewed(r), out);
    } catch (error) {
      out.replaceChildren(
        h("p", { class: "form-error" }, error instanceof ApiError ? error.message : failed),
      );
    } finally {
      button.disabled = false;
    }
  }

  function check(r: Review, button: HTMLButtonElement): Promise<void> {
    return submit(
      r,
      button,
      "Checking…",
      "The article could not be checked.",
      async (sent, out) => {
        const result = await checkDocument(sent.document, token);
        if (!result.ok) {
          out.replaceChildren(...refusal(sent, result.problems));
          return;
        }
        out.replaceChildren(
          h("p", {}, "Nothing is written yet. Ingesting would do this:"),
          h("pre", { id: "ingest-plan", class: "plan" }, result.summary.join("\n")),
        );
      },
    );
  }

  function send(r: Review, button: HTMLButtonElement): Promise<void> {
    return submit(
      r,
      button,
      "Ingesting…",
      "The article could not be ingested.",
      async (sent, out) => {
        const doc = sent.document;
        const result = await ingestDocument(doc, token);
        if (!result.ok) {
          out.replaceChildren(...refusal(sent, result.problems));
          return;
        }
        const e = result.entities;
        const rel = result.relations;
        const keys = [result.source, ...new Set(doc.relations.flatMap((x) => [x.from, x.to]))];
        const show = h("button", { type: "button", id: "show-ingested" }, "Show it in the graph");
        show.addEventListener("click", () => actions.show(keys, result.source));
        out.replaceChildren(
          h("p", { class: "done" }, `Ingested: entities ${counts(e)}; relations ${counts(rel)}.`),
          show,
        );
      },
    );
  }
}

/** Why a typed key is put back when the graph could not be asked about it. */
function uncheckedKey(error: unknown): string {
  return error instanceof ApiError
    ? `The key could not be checked (${error.message}): type it again.`
    : "The key could not be checked: type it again.";
}

function field(id: string, label: string, attrs: Record<string, string> = {}) {
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    h("input", { id, type: "text", ...attrs }),
  );
}

/** An ingest's outcomes in the words `npm run ingest` and `ingest --check` use. */
function counts(o: Outcomes): string {
  return `${o.created} new, ${o.updated} changed, ${o.corroborated} corroborated, ${o.unchanged} unchanged`;
}
