/**
 * "Add an article": paste an article's text, let the API's extractDocument propose a draft,
 * review it (each entity and relation highlighted in the text; accept or reject each; edit a new
 * entity's key or link it to one in the graph), then ingest the edited document with
 * ingestDocument. Both calls need a write token, which the page holds in memory for this visit
 * only: never in the URL, storage or a cookie.
 */
import { aKind } from "../../domain/vocabulary.js";
import { type AddState, addSection, pickedInto } from "./add.js";
import {
  ApiError,
  type ArticleMeta,
  type CheckResult,
  checkDocument,
  entityByKey,
  extractDocument,
  ingestDocument,
  type NewVersion,
  type Outcomes,
  type Problem,
} from "./api.js";
import { selectionIn, sentenceAt, textView } from "./article-text.js";
import { autoCheck } from "./auto-check.js";
import { append, byId, h } from "./dom.js";
import { type EntityContext, entityRow, uncheckedKey } from "./entity-row.js";
import { newVersionOf, supersededLine } from "./new-version.js";
import { hasProblems, relationProblems } from "./relation-check.js";
import { problemList, relationRow, showRefused } from "./relation-row.js";
import {
  clickedEvidence,
  KEY,
  newReview,
  type Review,
  type Reviewed,
  reviewed,
  sentenceOf,
} from "./review.js";
import { type Needs, refusesToken, scopeNeeded, tokenRefusedLine } from "./token.js";

export interface ArticleActions {
  /** Shows the ingested article in the graph: these entities, with `select` selected. */
  show(keys: string[], select: string): void;
  close(): void;
}

export function articleView(root: HTMLElement, actions: ArticleActions): void {
  let token = "";
  let review: Review | null = null;
  /** The words picked in the text and the form open to add what the draft missed. */
  let adds: AddState = { picked: { span: null, sentence: null }, adding: null };
  /** Look-ups of keys typed, still on their way: an ingest waits for them. */
  const checks = new Set<Promise<void>>();
  /** What the last action did (a row removed), said below the rows until the next edit. */
  let said = "";
  /** The document (as JSON) the review was when `said` was said. */
  let saidOf = "";
  /** The document the server was last asked about (as JSON): a redraw of the same asks nothing. */
  let asked = "";
  /** What the server's own check of the review as edited says, beside the buttons. */
  let serverSays = "";
  let serverPending = false;
  /**
   * The stored source this article is a new version of (taken from a refusal's way out): a check
   * and an ingest send it as `supersedes`, until the source key is edited, the new version is
   * ingested, or another draft is made.
   */
  let supersedes: string | null = null;
  /** The way out the server's own check last offered (a new version), shown below its line. */
  let serverWay: NewVersion | null = null;
  /** The document last ingested from this review (as JSON): edits up to it are written. */
  let written = "";
  /**
   * What #ingest-result said of the review before it changed (see outdated), as it was about
   * (`about`, as JSON), and the line that stands in for it meanwhile.
   */
  let earlier: { about: string; nodes: Node[]; stand: HTMLElement } | null = null;
  /** A source key typed and refused (not a key, or another kind's): shown beside the key. */
  let keyRefused: { typed: string; message: string } | null = null;
  const server = autoCheck<{ sent: Reviewed; result: CheckResult | null } | null>({
    delay: 800,
    run: async (signal) => {
      // The key look-ups first: one that puts a key back is an edit, and cancels this check.
      await Promise.all([...checks]);
      const r = review;
      if (!r || signal.aborted) return null;
      const sent = reviewed(r);
      // What the page finds is on its rows already; the server is asked when none is left.
      if (ownProblems(sent).length > 0) return { sent, result: null };
      return { sent, result: await checkDocument(sent.document, token, signal, supersedes) };
    },
    done: (answer) => {
      if (!answer || !review) return;
      const { sent, result } = answer;
      if (result === null) {
        tell("The server checks the review once the problems marked on its rows are mended.");
        return;
      }
      const problems = result.ok ? [] : result.problems;
      serverWay = newVersionOf(problems);
      showServerWay();
      const elsewhere = placeProblems(sent, problems);
      for (const rel of review.relations) {
        const row = reviewEl.querySelector<HTMLElement>(
          `.relation-row[data-row="${CSS.escape(rel.id)}"]`,
        );
        if (row) showRefused(review, row, rel);
      }
      for (const [key, e] of review.entities) {
        const row = reviewEl.querySelector<HTMLElement>(
          `.entity-row[data-key="${CSS.escape(key)}"]`,
        );
        if (row) showEntityRefused(row, key, e.refused ?? []);
      }
      tell(
        problems.length === 0
          ? "The server finds nothing it would refuse."
          : `The server would refuse ${problems.length === 1 ? "1 thing" : `${problems.length} things`}${elsewhere.length < problems.length ? ", marked on its row" : ""}${elsewhere.length > 0 ? `: ${elsewhere.map((p) => `${where(sent, p.path)}: ${p.message}`).join("; ")}` : "."}`,
      );
    },
    failed: (error) => {
      if (error instanceof ApiError && error.code === "CANCELLED") return;
      // Another token given above is checked with at once (see the token's field).
      if (refusesToken(error))
        return tell(
          tokenRefusedLine(error, { step: "check", supersedes }, "as the write token above"),
        );
      tell(
        `The server could not check the review${error instanceof ApiError ? ` (${error.message})` : ""}; "Show what it would change" asks again.`,
      );
    },
  });

  /** The way out the server's check offers, below its line (none once it is taken). */
  function serverWayOut(): HTMLElement {
    const way = serverWay && supersedes === null ? serverWay : null;
    return h("div", { id: "review-way-out" }, way ? wayOut(way, "review-new-version") : null);
  }

  function showServerWay(): void {
    document.getElementById("review-way-out")?.replaceWith(serverWayOut());
  }

  /** Says what the server's check found, in its line (kept across redraws). */
  function tell(message: string, pending = false): void {
    serverSays = message;
    serverPending = pending;
    const line = document.getElementById("review-server");
    if (!line) return;
    line.textContent = message;
    // A screen reader waits for the answer rather than reading "will check" at every edit.
    line.setAttribute("aria-busy", String(pending));
  }

  /**
   * Asks the server about the review as it is now, after a pause, if it changed since it was
   * last asked about (a redraw that changes nothing, an editor opened, asks nothing).
   */
  function askServer(r: Review): void {
    // Superseding or not is part of what is asked: the server's answer differs.
    const now = JSON.stringify([reviewed(r).document, supersedes]);
    if (now === asked) return;
    asked = now;
    if (!token) {
      tell("The server checks the review with the write token: give it above.");
      return;
    }
    tell("The server will check the review as edited…", true);
    server.edited();
  }

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
    h("div", { id: "extract-confirm", class: "confirm", hidden: true }),
    h("p", { id: "article-error", class: "form-error", role: "alert" }),
    h("p", { id: "article-said", class: "said", role: "status" }),
  );
  const reviewEl = h("div", { id: "review", class: "review" });
  root.replaceChildren(h("h2", { id: "article-heading" }, "Add an article"), form, reviewEl);

  const value = (id: string) => byId<HTMLInputElement>(id).value.trim();
  /** The form's problem line says the token was refused: another token given clears it. */
  let tokenProblem = false;
  const problem = (message: string, ofToken = false) => {
    byId("article-error").textContent = message;
    tokenProblem = ofToken;
  };

  /**
   * Another token (one with the admin scope, say) counts from the next call on: a refusal of the
   * last one goes, and the server's check of the review, which it may not have made, is made
   * again with it.
   */
  function tokenGiven(given: string): void {
    token = given;
    if (tokenProblem) problem("");
    if (!review || !document.getElementById("review-server")) return;
    asked = "";
    askServer(review);
  }

  byId("article-close").addEventListener("click", () => actions.close());
  // Leaving the page (a reload, the tab closed) would lose edits not written: the browser asks.
  window.addEventListener("beforeunload", (event) => {
    if (review && unwritten(review)) event.preventDefault();
  });
  byId("article-token").addEventListener("input", () => tokenGiven(value("article-token")));

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    // A review with edits not written is not replaced unasked: they would be lost.
    if (review && unwritten(review)) return confirmExtract();
    extract();
  });

  /**
   * Whether the review holds edits that neither the draft nor the graph (an ingest) has: in the
   * document it makes, or still on their way into it (a value typed that is not one yet, an
   * entity or a relation being added).
   */
  function unwritten(r: Review): boolean {
    const a = adds.adding;
    const adding = a?.what === "entity" ? a.name.trim() !== "" : a ? a.from || a.to : false;
    if (adding || r.relations.some((x) => Object.keys(x.typed).length > 0)) return true;
    const now = JSON.stringify(reviewed(r).document);
    return now !== written && now !== JSON.stringify(reviewed(newReview(r.draft)).document);
  }

  /**
   * Asks, below the button, before a new draft replaces a review the reader edited: replace it,
   * or keep it (Escape keeps it too). The keyboard lands on "Keep my review".
   */
  function confirmExtract(): void {
    const box = byId("extract-confirm");
    const replace = h(
      "button",
      { type: "button", id: "extract-replace" },
      "Replace it with a new draft",
    );
    const keep = h("button", { type: "button", id: "extract-keep" }, "Keep my review");
    // extract() puts the question away. The keyboard goes back to the button (a draft not even
    // asked for, the text blank, say), or on from the draft once it arrives.
    replace.addEventListener("click", () => {
      extract();
      if (focusLost()) byId("extract").focus();
    });
    keep.addEventListener("click", () => {
      closeConfirm();
      byId("extract").focus();
    });
    box.onkeydown = (event) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      keep.click();
    };
    box.setAttribute("role", "group");
    box.setAttribute("aria-labelledby", "extract-confirm-text");
    box.replaceChildren(
      h(
        "p",
        { id: "extract-confirm-text" },
        "Your edits of the review below are not written: a new draft would replace them. Extract a new draft anyway?",
      ),
      h("div", { class: "actions" }, replace, keep),
    );
    box.hidden = false;
    keep.focus();
  }

  /** The question before a new draft, put away (answered, or no longer asked). */
  function closeConfirm(): void {
    const box = byId("extract-confirm");
    box.hidden = true;
    box.replaceChildren();
  }

  /** What became of the review a new draft replaced while it was being ingested. */
  function saidOfEarlier(message: string): void {
    byId("article-said").textContent = message;
  }

  function extract() {
    closeConfirm();
    saidOfEarlier("");
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
    // The review on screen comes back if no draft replaces it: a failed extraction (a token
    // mistyped) must not cost the reader the review they made.
    const before = [...reviewEl.childNodes];
    const waiting = h(
      "p",
      { id: "review-extracting", class: "muted", tabindex: -1, "aria-live": "polite" },
      "Extracting…",
    );
    // Cancel stops the request on its way and any try still to come.
    const stop = new AbortController();
    const cancel = h("button", { type: "button", id: "extract-cancel" }, "Cancel");
    cancel.addEventListener("click", () => stop.abort());
    reviewEl.replaceChildren(waiting, h("div", { class: "actions" }, cancel));
    // The button, off meanwhile, cannot hold the keyboard: the line saying what is going on does.
    if (focusLost()) waiting.focus();
    extractRetrying(text, meta, token, stop.signal, (line) => {
      waiting.textContent = line;
    })
      .then(
        (draft) => {
          const lost =
            focusLost() || document.activeElement === waiting || document.activeElement === cancel;
          review = newReview(draft);
          adds = { picked: { span: null, sentence: null }, adding: null };
          supersedes = null;
          serverWay = null;
          written = "";
          keyRefused = null;
          said = "";
          asked = "";
          renderReview();
          // The button was off while the draft was made: the keyboard goes on from the draft.
          if (lost) document.getElementById("review-heading")?.focus();
        },
        (error: unknown) => {
          const cancelled = document.activeElement === cancel;
          reviewEl.replaceChildren(...before);
          if (error instanceof ApiError && error.code === "CANCELLED") {
            problem("Cancelled: no draft was made.");
            if (cancelled || focusLost()) button.focus();
            return;
          }
          if (refusesToken(error)) {
            problem(
              tokenRefusedLine(
                error,
                { step: "extract", supersedes: null },
                "as the write token, then extract again",
              ),
              true,
            );
            byId("article-token").focus();
            return;
          }
          problem(error instanceof ApiError ? error.message : "The draft could not be made.");
        },
      )
      .finally(() => {
        button.disabled = false;
        reviewEl.setAttribute("aria-busy", "false");
        if (focusLost()) button.focus();
      });
  }

  /** Lights up, in the text, what a row of the review stands for. */
  function light(attr: "entity" | "relation", id: string, on: boolean): void {
    for (const el of reviewEl.querySelectorAll<HTMLElement>(`.text [data-${attr}s]`)) {
      const ids = (el.dataset[`${attr}s`] ?? "").split(" ");
      el.classList.toggle("lit", on && ids.includes(id));
    }
  }

  /** What the rows share: the review, how to draw it again, and where problems go. */
  function context(r: Review): EntityContext {
    return { review: r, render: edited, problem, light, track, say };
  }

  function say(message: string): void {
    said = message;
    saidOf = review ? JSON.stringify(reviewed(review).document) : "";
  }

  /**
   * The review after an edit: a refusal shown below was of the review before it, and goes; so
   * does what the last action said ("Removed the relation …") once the review is edited again
   * (a redraw that changes nothing, an editor opened, keeps it).
   */
  function edited(): void {
    const out = reviewEl.querySelector("#ingest-result");
    if (out?.querySelector(".form-error")) out.replaceChildren();
    if (said && review && JSON.stringify(reviewed(review).document) !== saidOf) said = "";
    renderReview();
  }

  /** Draws the section for adding what the draft missed again, and nothing else. */
  function refreshAdd(): void {
    const r = review;
    const section = document.getElementById("add");
    if (!r || !section) return;
    const focused = document.activeElement?.id;
    section.replaceWith(addSection(context(r), adds, refreshAdd));
    if (focused) document.getElementById(focused)?.focus();
  }

  /**
   * Words selected in the text, or a click in a sentence: what an addition starts from; a click
   * while a relation's evidence is being picked ("Pick in the text" in its editor) makes that
   * sentence its evidence.
   */
  function picked(r: Review, view: HTMLElement, click: boolean): void {
    const span = selectionIn(view);
    if (!span) return;
    const sentence = sentenceAt(r.sentences, span.start);
    adds.picked = { span, sentence };
    if (click && span.end === span.start && sentence && r.picking) {
      const rel = clickedEvidence(r, sentence);
      if (rel) {
        say(`The evidence of “${sentenceOf(r, rel)}” is now the sentence clicked.`);
        edited();
        document.getElementById(`relation-${rel.id}-evidence`)?.focus();
        return;
      }
    }
    pickedInto(r, adds);
    refreshAdd();
  }

  function renderReview(): void {
    const r = review;
    if (!r) return;
    const focused = document.activeElement?.id;
    const ctx = context(r);
    const doc = reviewed(r).document;
    const none = doc.relations.length === 0;
    const sourceKey = h("input", {
      id: "article-source-key",
      value: keyRefused?.typed ?? r.sourceKey,
      spellcheck: "false",
      "aria-label": "Key of this article's source",
      "aria-describedby": "article-source-key-error",
      "aria-invalid": keyRefused ? "true" : null,
    });
    // Refused beside the key, not in the form's line above (out of sight once scrolled): the
    // text typed stays to be mended, and the line says which key the article keeps meanwhile.
    const keyError = h(
      "span",
      { id: "article-source-key-error", class: "form-error", role: "alert" },
      keyRefused?.message ?? "",
    );
    const refuseKey = (typed: string, why: string) => {
      keyRefused = { typed, message: `${why} The article keeps the key ${r.sourceKey}.` };
      sourceKey.value = typed;
      sourceKey.setAttribute("aria-invalid", "true");
      keyError.textContent = keyRefused.message;
    };
    sourceKey.addEventListener("change", () => {
      const next = sourceKey.value.trim();
      if (!KEY.test(next))
        return refuseKey(
          next,
          "A key is lowercase words joined by hyphens, e.g. nato-2026-article.",
        );
      keyRefused = null;
      const before = r.sourceKey;
      r.sourceKey = next;
      // A key of the reader's own: no longer the new version the server offered.
      supersedes = null;
      // An edit as a row's is: a refusal of the review under the old key goes.
      edited();
      // A key of another kind of entity cannot be this article's (ingest would say only that
      // the article mentions itself); a Source's key is checked by ingest (the same article, or
      // refused with a free key). Taken at once, put back if the graph says otherwise.
      const refuse = (why: string) => {
        if (r.sourceKey !== next) return;
        r.sourceKey = before;
        keyRefused = { typed: next, message: `${why} The article keeps the key ${before}.` };
        renderReview();
      };
      const check = entityByKey(next).then(
        (found) => {
          if (found && found.kind !== "Source")
            refuse(
              `${next} is ${found.name} in the graph, ${aKind(found.kind)}: give this article a key of its own.`,
            );
        },
        (error: unknown) => refuse(uncheckedKey(error)),
      );
      track(check);
    });
    const ingest = h(
      "button",
      {
        type: "button",
        id: "ingest",
        disabled: none,
        "aria-describedby": none ? "review-none" : null,
      },
      `Ingest ${doc.relations.length} ${doc.relations.length === 1 ? "relation" : "relations"}${supersedes ? ` superseding ${supersedes}` : ""}`,
    );
    ingest.addEventListener("click", () => void ingestStep(r, ingest, supersedes));
    // Ingest's dry run: what the reviewed document would create, change or corroborate in the
    // graph (an existing entity's name, a relation's figures), before anything is written.
    const preview = h(
      "button",
      {
        type: "button",
        id: "check-ingest",
        disabled: none,
        "aria-describedby": none ? "review-none" : null,
      },
      "Show what it would change",
    );
    preview.addEventListener("click", () => void check(r, preview));
    const view = textView(r);
    view.addEventListener("mouseup", () => picked(r, view, true));
    view.addEventListener("keyup", () => picked(r, view, false));
    const result = reviewEl.querySelector("#ingest-result");
    reviewEl.replaceChildren();
    append(reviewEl, [
      h("h3", { id: "review-heading", tabindex: -1 }, "Draft"),
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
        " ",
        keyError,
        supersedes
          ? h(
              "p",
              { id: "article-supersedes", class: "muted" },
              `A new version of ${supersedes}: ingesting it retracts ${supersedes} in the same transaction (an admin token is needed).`,
            )
          : null,
      ),
      view,
      addSection(ctx, adds, refreshAdd),
      h(
        "div",
        { class: "columns" },
        h(
          "section",
          { "aria-labelledby": "draft-entities" },
          h("h3", { id: "draft-entities", tabindex: -1 }, `Entities (${r.entities.size})`),
          h(
            "ul",
            { class: "rows" },
            [...r.entities.entries()].map(([key, e]) => entityRow(ctx, key, e)),
          ),
        ),
        h(
          "section",
          { "aria-labelledby": "draft-relations" },
          h("h3", { id: "draft-relations", tabindex: -1 }, `Relations (${r.relations.length})`),
          h(
            "ul",
            { class: "rows" },
            r.relations.map((x) => relationRow(ctx, x)),
          ),
        ),
      ),
      h("p", { id: "review-said", class: "said", role: "status" }, said),
      h("div", { class: "actions" }, preview, ingest),
      // Both buttons are off while nothing would be sent: say why, and what turns them on.
      none
        ? h(
            "p",
            { id: "review-none", class: "said" },
            "Nothing to ingest: no relation is kept. Accept one above (and the entities at its ends), or add one.",
          )
        : null,
      h(
        "p",
        {
          id: "review-server",
          class: "muted",
          "aria-live": "polite",
          "aria-busy": String(serverPending),
        },
        serverSays,
      ),
      serverWayOut(),
      // The same element across redraws: an answer on its way is shown in it.
      result ?? h("div", { id: "ingest-result", role: "status" }),
    ]);
    if (focused) document.getElementById(focused)?.focus();
    outdated();
    askServer(r);
  }

  /**
   * What #ingest-result shows is about the review it was sent as (its `data-about`): once the
   * review differs, an ingest's line says plainly it was the review before the latest edits,
   * which are not written, and a check's plan gives way to a line saying it is no longer what
   * ingesting would do. Edited back to the review it was about, what it said holds again and
   * comes back.
   */
  function outdated(): void {
    const out = document.getElementById("ingest-result");
    const r = review;
    if (!out || !r) return;
    const now = JSON.stringify(reviewed(r).document);
    if (earlier?.about === now && earlier.stand.parentNode === out) {
      out.replaceChildren(...earlier.nodes);
      out.dataset.about = now;
      earlier = null;
      return;
    }
    const about = out.dataset.about;
    if (about === undefined || about === now) return;
    delete out.dataset.about;
    const done = out.querySelector("#ingest-done");
    const stand = done
      ? h(
          "p",
          { id: "ingest-earlier", class: "said" },
          `Ingested before your latest edits: ${(done.textContent ?? "").replace(/^Ingested: /, "")} Those edits are not written yet: ingest again to write them.`,
        )
      : out.querySelector("#ingest-plan")
        ? h(
            "p",
            { id: "ingest-plan-outdated", class: "said" },
            "The review changed since it was checked: “Show what it would change” checks it as it is now.",
          )
        : null;
    if (!stand) return;
    earlier = { about, nodes: [...out.childNodes], stand };
    out.replaceChildren(stand);
  }

  /**
   * Puts each problem the server found on the row it concerns (a relation's, an entity's), in
   * place of what it said before; those of no row (the source's) are returned.
   */
  function placeProblems(sent: Reviewed, problems: Problem[]) {
    const r = review;
    if (!r) return problems;
    for (const rel of r.relations) rel.refused = [];
    for (const e of r.entities.values()) e.refused = [];
    return problems.filter((p) => {
      const [part, at, ...rest] = p.path;
      const text = rest.length > 0 ? `${rest.join(".")}: ${p.message}` : p.message;
      if (part === "relations") {
        const rel = sent.relationOf[Number(at)];
        rel?.refused.push(text);
        return !rel;
      }
      if (part === "entities") {
        const key = sent.entityOf[Number(at)];
        const e = key === undefined ? undefined : r.entities.get(key);
        e?.refused?.push(text);
        return !e;
      }
      return true;
    });
  }

  /** An entity row's server problems, in place. */
  function showEntityRefused(row: HTMLElement, key: string, refused: string[]): void {
    const list = problemList(`entity-${key}-problems`, refused);
    const before = row.querySelector(":scope > .row-problems");
    if (before && list) before.replaceWith(list);
    else if (before) before.remove();
    else if (list) row.querySelector(":scope > .head")?.after(list);
  }

  /**
   * Where a problem of the sent document is, in the words of the review: "relations.3.to" of
   * the document is the row "Jonas Petraitis SERVES_IN Lithuania" (its index counts only the
   * rows kept, so it is no row number the reader can count to).
   */
  function where(sent: Reviewed, path: string[]): string {
    const [part, at, ...rest] = path;
    const field = rest.length > 0 ? ` (${rest.join(".")})` : "";
    if (part === "relations" && at !== undefined && review) {
      const rel = sent.relationOf[Number(at)];
      if (rel) return `Relation "${sentenceOf(review, rel)}"${field}`;
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

  /**
   * Problems of the sent document, each named by its row in the review, and put on that row
   * as well (until it is edited), so the reader mends it where it is.
   */
  function refusal(sent: Reviewed, problems: Problem[], server = true) {
    // The page's own findings are on their rows already, and stay there while they hold.
    if (server) {
      placeProblems(sent, problems);
      renderReview();
    }
    const way = server ? newVersionOf(problems) : null;
    const old = supersedes;
    // The source it was to supersede refused (gone meanwhile, say): the way on is to stop.
    const stop =
      server && old !== null && problems.some((p) => p.path[0] === "supersedes")
        ? h("button", { type: "button", id: "stop-superseding" }, `Stop superseding ${old}`)
        : null;
    stop?.addEventListener("click", () => {
      // Stopped already (the source key edited since, say): the button still goes on.
      if (supersedes === old) {
        supersedes = null;
        serverWay = null;
        renderReview();
      }
      const out = byId("ingest-result");
      delete out.dataset.about;
      earlier = null;
      out.replaceChildren(
        h(
          "p",
          { id: "superseding-stopped", class: "said" },
          `No longer superseding ${old}: “Ingest” writes the article under ${review?.sourceKey ?? ""}, as itself.`,
        ),
      );
      document.getElementById("ingest")?.focus();
    });
    return [
      h("p", { class: "form-error" }, "Nothing was written:"),
      h(
        "ul",
        { class: "problems" },
        problems.map((p) => h("li", {}, `${where(sent, p.path)}: ${p.message}`)),
      ),
      way ? wayOut(way) : null,
      stop ? h("div", { class: "actions way-out" }, stop) : null,
    ].filter((x): x is HTMLElement => x !== null);
  }

  /**
   * The way out of a refusal of the text, beside it, in one step: the source key set to the free
   * key the server named, checked again as a new version superseding the stored source (its
   * plan shown), then ingested so.
   */
  function wayOut(way: NewVersion, id = "ingest-new-version"): HTMLElement {
    const button = h(
      "button",
      { type: "button", id },
      `Ingest as a new version (${way.key}) that supersedes ${way.supersedes}`,
    );
    button.addEventListener("click", () => {
      const r = review;
      if (!r) return;
      const old = way.supersedes;
      r.sourceKey = way.key;
      keyRefused = null;
      supersedes = old;
      renderReview();
      void submit(r, {
        button,
        busy: "Checking the new version…",
        failed: "The new version could not be checked.",
        needs: { step: "check", supersedes: old },
        work: async (sent, out) => {
          const plan = await checkDocument(sent.document, token, undefined, old);
          if (!plan.ok) {
            out.replaceChildren(...refusal(sent, plan.problems));
            return;
          }
          const planned = [
            h("p", {}, "The check of the new version says:"),
            h("pre", { id: "ingest-plan", class: "plan" }, plan.summary.join("\n")),
          ];
          // The ingest is a step of its own: a token refused there is given again for it alone.
          await ingestStep(r, button, old, planned);
        },
      });
    });
    return h("div", { class: "actions way-out" }, button);
  }

  /**
   * What ingest would refuse in the kept relations as edited, found without asking the server:
   * a document with any of them is not sent.
   */
  function ownProblems(sent: Reviewed): { path: string[]; message: string }[] {
    const r = review;
    if (!r) return [];
    return sent.relationOf.flatMap((rel, i) => {
      const p = relationProblems(r, rel);
      if (!hasProblems(p)) return [];
      return [
        ...Object.entries(p.fields).map(([field, message]) => ({
          path: [
            "relations",
            String(i),
            ...(["from", "type", "to"].includes(field) ? [field] : ["properties", field]),
          ],
          message,
        })),
        ...p.row.map((message) => ({ path: ["relations", String(i)], message })),
      ];
    });
  }

  /** A key look-up on its way: an ingest or a check waits for it (see submit). */
  function track(check: Promise<void>): void {
    checks.add(check);
    void check.finally(() => checks.delete(check));
  }

  /**
   * Sends the reviewed document (once the key look-ups on their way are in, and only when no
   * kept relation has a problem ingest would refuse) with the step's button disabled meanwhile,
   * and shows in #ingest-result, after `before`, what `work` makes of the answer, the refusal's
   * problems by row, or why it could not be sent. A token the server refuses there is asked for
   * again beside the refusal, and the same step runs again with it.
   */
  async function submit(r: Review, step: Step): Promise<void> {
    const out = byId("ingest-result");
    const before = step.before ?? [];
    step.button.disabled = true;
    delete out.dataset.about;
    earlier = null;
    out.replaceChildren(...before, h("p", { class: "muted" }, step.busy));
    try {
      await Promise.all([...checks]);
      const sent = reviewed(r);
      const own = ownProblems(sent);
      if (own.length > 0) {
        out.replaceChildren(...refusal(sent, own, false));
        return;
      }
      await step.work(sent, out);
      // Said of the review as sent: an edit made meanwhile, or later, makes it the earlier one.
      if (out.isConnected && r === review) {
        out.dataset.about = JSON.stringify(sent.document);
        outdated();
      }
    } catch (error) {
      if (!out.isConnected && step.needs.step === "ingest") {
        const why = error instanceof ApiError ? error.message : step.failed;
        saidOfEarlier(`The review before this draft was not ingested: ${why}`);
        return;
      }
      if (refusesToken(error)) {
        out.replaceChildren(...before, ...tokenAgain(r, step, error));
        document.getElementById("retry-token")?.focus();
        return;
      }
      out.replaceChildren(
        ...before,
        h("p", { class: "form-error" }, error instanceof ApiError ? error.message : step.failed),
      );
    } finally {
      step.button.disabled = false;
      if (focusLost()) landFocus(out, step.button.id);
    }
  }

  /**
   * The keyboard's place once a step is done, when the button it pressed was taken away (off
   * while the step ran, or drawn anew): on a refusal, the control that goes on from it (a way
   * out, a box for another token) or else its message; otherwise back on the step's button.
   */
  function landFocus(out: HTMLElement, buttonId: string): void {
    if (!out.isConnected) return;
    const refused = out.querySelector(".form-error");
    const onward = refused
      ? out.querySelector<HTMLElement>("input, button")
      : (document.getElementById(buttonId) ?? out.querySelector<HTMLElement>("button"));
    const target = onward ?? (refused as HTMLElement | null) ?? out.querySelector("p");
    if (!target) return;
    if (!target.matches("input, button, select, textarea")) target.setAttribute("tabindex", "-1");
    target.focus();
  }

  /**
   * The token refused, said plainly (the scope the step needs), and a box for another with a
   * button that runs the same step again with it; the review stays as it is. The token given
   * there is the page's token from then on, as if typed in the form's.
   */
  function tokenAgain(
    r: Review,
    step: Step,
    error: { code: string; message: string },
  ): HTMLElement[] {
    const again = step.needs.step === "ingest" ? "ingest again" : "check again";
    const input = h("input", {
      id: "retry-token",
      type: "password",
      autocomplete: "off",
      "aria-describedby": "token-refused",
    });
    const button = h(
      "button",
      { type: "submit", id: "retry-with-token" },
      `${again[0]?.toUpperCase()}${again.slice(1)} with this token`,
    );
    const form = h(
      "form",
      { id: "token-retry", class: "token-retry", "aria-label": "Another token" },
      h("label", { for: "retry-token" }, `A token with the ${scopeNeeded(step.needs)} scope`),
      input,
      button,
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const given = input.value.trim();
      if (!given) return input.focus();
      byId<HTMLInputElement>("article-token").value = given;
      tokenGiven(given);
      void submit(r, { ...step, button });
    });
    return [
      h(
        "p",
        { id: "token-refused", class: "form-error" },
        tokenRefusedLine(error, step.needs, `below, and ${again}`),
      ),
      form,
    ];
  }

  function check(r: Review, button: HTMLButtonElement): Promise<void> {
    const old = supersedes;
    return submit(r, {
      button,
      busy: "Checking…",
      failed: "The article could not be checked.",
      needs: { step: "check", supersedes: old },
      work: async (sent, out) => {
        const result = await checkDocument(sent.document, token, undefined, old);
        if (!result.ok) {
          out.replaceChildren(...refusal(sent, result.problems));
          return;
        }
        out.replaceChildren(
          h("p", {}, "Nothing is written yet. Ingesting would do this:"),
          h("pre", { id: "ingest-plan", class: "plan" }, result.summary.join("\n")),
        );
      },
    });
  }

  /**
   * Ingests the review (as a new version of `old` when it is given), after `before` (the plan
   * of the new version), and shows what it did.
   */
  function ingestStep(
    r: Review,
    button: HTMLButtonElement,
    old: string | null,
    before: HTMLElement[] = [],
  ): Promise<void> {
    return submit(r, {
      button,
      before,
      busy: "Ingesting…",
      failed: "The article could not be ingested.",
      needs: { step: "ingest", supersedes: old },
      work: (sent, out) => ingestInto(r, sent, out, { before, old }),
    });
  }

  /**
   * Ingests the document sent (as a new version of `old` when it is given) and shows in `out`,
   * after `before`, what it did, what it superseded, or why nothing was written; then the way
   * on: the article in the graph, or another article. Once ingested, the review is no longer a
   * new version waiting to supersede anything: an ingest again sends no `supersedes`.
   */
  async function ingestInto(
    r: Review,
    sent: Reviewed,
    out: HTMLElement,
    { before, old }: { before: HTMLElement[]; old: string | null },
  ) {
    const doc = sent.document;
    const result = await ingestDocument(doc, token, old);
    // A new draft was asked for meanwhile, and took the review's place: what became of it is
    // said in the form, where the reader is, rather than in a review no longer on screen.
    if (!out.isConnected) {
      saidOfEarlier(
        result.ok
          ? `The review before this draft was ingested meanwhile: entities ${counts(result.entities)}; relations ${counts(result.relations)}.`
          : `The review before this draft was not ingested: ${result.problems.map((p) => `${p.path.join(".")}: ${p.message}`).join("; ")}.`,
      );
      return;
    }
    if (!result.ok) {
      out.replaceChildren(...before, ...refusal(sent, result.problems));
      return;
    }
    const e = result.entities;
    const rel = result.relations;
    const keys = [
      ...new Set([
        result.source,
        ...doc.entities.map((x) => x.key),
        ...doc.relations.flatMap((x) => [x.from, x.to]),
      ]),
    ];
    const show = h("button", { type: "button", id: "show-ingested" }, "Show it in the graph");
    show.addEventListener("click", () => actions.show(keys, result.source));
    const another = h("button", { type: "button", id: "another-article" }, "Add another article");
    another.addEventListener("click", startAnother);
    if (r === review) written = JSON.stringify(doc);
    out.replaceChildren(
      h(
        "p",
        { id: "ingest-done", class: "done" },
        `Ingested: entities ${counts(e)}; relations ${counts(rel)}.`,
      ),
      result.superseded
        ? h("p", { id: "ingest-superseded", class: "done" }, supersededLine(result.superseded))
        : "",
      h("div", { class: "actions way-on" }, show, another),
    );
    // The button that asked (another token's, say) is gone: the keyboard goes on from here.
    if (!document.activeElement || document.activeElement === document.body) show.focus();
    if (r === review && old !== null && supersedes === old) {
      supersedes = null;
      serverWay = null;
      renderReview();
    }
  }

  /**
   * A blank form for the next article (the token kept): nothing of this one (its review, its
   * text and details, a source it superseded) carries over.
   */
  function startAnother(): void {
    closeConfirm();
    saidOfEarlier("");
    review = null;
    written = "";
    keyRefused = null;
    adds = { picked: { span: null, sentence: null }, adding: null };
    supersedes = null;
    serverWay = null;
    said = "";
    asked = "";
    serverSays = "";
    serverPending = false;
    const fields = ["article-text", "article-title", "article-publisher", "article-date"];
    for (const id of [...fields, "article-url"])
      byId<HTMLInputElement | HTMLTextAreaElement>(id).value = "";
    problem("");
    reviewEl.replaceChildren();
    byId("article-text").focus();
  }
}

/** Tries after the first that an extraction the server marks transient gets. */
const EXTRACT_RETRIES = 4;
/** The longest pause the page takes between tries, whatever wait the server asks for. */
const EXTRACT_MAX_PAUSE_S = 30;

/**
 * The seconds to wait before asking again, when the server marked its refusal of an extraction
 * transient (`extensions.retryable`): the worker still loading the language model (the first
 * extraction after the server starts, or after ten idle minutes, waits for it and can run out of
 * its budget meanwhile), or every slot busy. Null for anything else (a text too long, a token
 * refused): trying again would fail alike. Decided on the extension alone, never on the message's
 * words, which are for the reader.
 */
function retryAfter(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.retryAfterSeconds === null) return null;
  return Math.min(error.retryAfterSeconds, EXTRACT_MAX_PAUSE_S);
}

/**
 * A draft of `text`, asked again by itself (EXTRACT_RETRIES times at most, after the wait the
 * server asks for) while the server answers that it may pass, as the reader would press Extract
 * again; `say` tells the reader why (the server's message) and that it will try again. Gives up
 * with the server's last answer; `signal` (the reader's Cancel) stops it at once with a CANCELLED
 * ApiError.
 */
async function extractRetrying(
  text: string,
  meta: ArticleMeta,
  token: string,
  signal: AbortSignal,
  say: (line: string) => void,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await extractDocument(text, meta, token, signal);
    } catch (error) {
      const wait = retryAfter(error);
      if (signal.aborted) throw new ApiError("Cancelled.", "CANCELLED");
      if (wait === null) throw error;
      const { message, code } = error as ApiError;
      if (attempt > EXTRACT_RETRIES)
        throw new ApiError(`${message} (tried ${attempt} times)`, code);
      const seconds = wait === 1 ? "1 second" : `${wait} seconds`;
      say(`${message} Trying again by itself in ${seconds} (${attempt} of ${EXTRACT_RETRIES})…`);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, wait * 1_000);
        signal.addEventListener(
          "abort",
          () => {
            clearTimeout(timer);
            reject(new ApiError("Cancelled.", "CANCELLED"));
          },
          { once: true },
        );
      });
    }
  }
}

/** A step the reader asked for: a check or an ingest of the review. */
interface Step {
  /** Disabled while the step runs. */
  button: HTMLButtonElement;
  /** What is said while it runs, and if it fails for no reason the server gives. */
  busy: string;
  failed: string;
  /** What the token must allow, said if the server refuses it. */
  needs: Needs;
  /** What the step shows first and keeps (the plan of a new version). */
  before?: HTMLElement[];
  work: (sent: Reviewed, out: HTMLElement) => Promise<void>;
}

/** Whether the keyboard's focus is nowhere (on the page's body): a button it was on went. */
function focusLost(): boolean {
  return !document.activeElement || document.activeElement === document.body;
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
