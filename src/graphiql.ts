/**
 * GraphiQL at /graphql: a curated set of example operations in its default tabs (one per
 * capability of the API), served with its assets inlined so it works with no network beyond this
 * server, and a link to the visual explorer at /explorer (which links back).
 */
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { GraphiQLOptions, Plugin } from "graphql-yoga";
import { CSRF_HEADER } from "./graphql/csrf.js";

/**
 * GraphiQL's inlined bundle is an 18 MB module: loaded on the first GraphiQL page, not at start,
 * it costs no memory to a server that only answers API requests.
 */
let inlined: Promise<typeof import("@graphql-yoga/render-graphiql")> | undefined;

/** The example GraphiQL opens with: a traversal from Canada to Latvia, each step with its sentence. */
export const DEFAULT_QUERY = `# Canada leads a NATO mission: where is it deployed, who hosts it,
# how many troops does Canada contribute? Every relation cites
# its sentence.
query CanadaInLatvia {
  entity(key: "canada") {
    name
    ... on Nation {
      isoCode
      leaders { edges { role node { name } evidence { excerpt } } }
      ledMissions {
        edges {
          evidence { excerpt source { title publisher } }
          node {
            name
            status
            deployedTo { edges { node { name } evidence { excerpt } } }
            hosts { edges { node { name } inferred } }
            contributors {
              edges {
                troops additionalTroops asOf
                node { name }
                evidence { excerpt }
              }
            }
          }
        }
      }
      spending {
        edges {
          value unit year estimated
          node { name }
          evidence { excerpt }
        }
      }
    }
  }
}
`;

export interface Example {
  /** What the tab shows, for tests and docs; the tab itself is titled by the operation's name. */
  capability: string;
  query: string;
  /** The tab's request headers, as JSON text. */
  headers?: string;
}

/** The default tabs, in order: each runs as it stands against the seeded graph. */
export const EXAMPLES: readonly Example[] = [
  { capability: "traversal with citations", query: DEFAULT_QUERY },
  {
    capability: "ranked search",
    query: `# Ranked full-text search over names, aliases and descriptions: prefixes, near
# spellings ("reasurance") and aliases; the snippet marks the words that matched.
query Search {
  search(query: "canadian forces", first: 3) {
    totalCount
    edges { score snippet node { __typename key name } }
  }
  typo: search(query: "reasurance", first: 1) { edges { node { name kind } } }
}
`,
  },
  {
    capability: "lists with filters, ordering and paging",
    query: `# Every kind has a list with where (names, own properties, dates, relations,
# AND / OR / NOT), orderBy and cursor paging. Allies in NATO other than Canada:
query AlliesInNato {
  nations(
    where: { related: [{ type: MEMBER_OF, to: ["nato"] }], NOT: { isoCode: { equals: "CAN" } } }
    orderBy: [{ field: NAME, direction: DESC }]
    first: 3
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { name isoCode } }
  }
}
`,
  },
  {
    capability: "paths with citations",
    query: `# How is Justin Trudeau connected to Latvia? path: the shortest chain; paths: the
# k shortest, here only through the mission. Each step carries its sentence.
query TrudeauToLatvia {
  path(from: "justin-trudeau", to: "latvia") {
    length
    steps { from { name } to { name } relation { type direction evidence { excerpt } } }
  }
  viaMission: paths(from: "justin-trudeau", to: "latvia", types: [LEADS, DEPLOYED_TO], first: 1) {
    nodes { name }
    steps { relation { type evidence { excerpt } } }
  }
}
`,
  },
  {
    capability: "neighbourhood for drawing",
    query: `# Nodes and edges within depth hops (what the explorer at /explorer draws);
# truncated says when the limit cut it short.
query ReassuranceNeighbourhood {
  neighbourhood(key: "operation-reassurance", depth: 1, limit: 10) {
    truncated
    nodes { key name kind }
    edges { id type from { key } to { key } evidence { excerpt source { title } } }
  }
}
`,
  },
  {
    capability: "timeline",
    query: `# Events an entity is linked to and its own dated relations, oldest first.
query TrudeauTimeline {
  timeline(entity: "justin-trudeau") {
    totalCount
    edges { date event { name } relation { type to { name } evidence { excerpt } } }
  }
}
`,
  },
  {
    capability: "time on relations",
    query: `# Relations may hold since / until a date: who led Canada in March 2022?
# Undated relations always hold.
query CanadaLeadersAsOf {
  entity(key: "canada") {
    name
    ... on Nation { leaders(asOf: "2022-03") { edges { role since until node { name } } } }
  }
}
`,
  },
  {
    capability: "claims, evidence and asOf",
    query: `# Every source keeps its own claim on a relation: its sentence (excerpt), the values it
# states, its point in time (at) and its rank (DEPRECATED once the source is retracted).
# evidence lists the sentences that count; asOf reads the relation as of a date.
# sources lists the articles themselves.
query CanadaClaims {
  entity(key: "canada") {
    name
    sourceCount
    relations(types: [CONTRIBUTES_TO]) {
      edges {
        node { name }
        troops disputed sourceCount
        claims { source { key publisher } at values excerpt rank }
        evidence { excerpt source { title } }
      }
    }
    before2022: relations(types: [LEADS, CONTRIBUTES_TO], asOf: "2021") {
      edges { type node { name } evidence { excerpt } }
    }
    claimsConnection(last: 2) { totalCount edges { node { source { key } at values rank } } }
  }
  sources(first: 5) { totalCount edges { node { key title publisher publishedAt retracted } } }
}
`,
  },
  {
    capability: "writes",
    headers: JSON.stringify(
      { Authorization: "Bearer agt_... (npm run token -- --name you --scopes write)" },
      null,
      2,
    ),
    query: `# Writes need a token with the write scope (see the README: npm run token); put it in
# the Headers below. Without one the answer is UNAUTHENTICATED and nothing is written.
# This relation and its sentence are in the seed already, so running it changes nothing:
# replaying a write is always safe.
mutation RecordEvidence {
  addRelation(input: {
    from: "justin-trudeau", type: VISITED, to: "latvia", properties: { date: "2022-03-08" }
    evidence: {
      source: "ctv-2022-nato-defence-spending"
      excerpt: "Trudeau and Defence Minister Anita Anand visited a military base in Latvia on Tuesday alongside Stoltenberg and the prime ministers of Spain and Latvia, where they announced the immediate multi-year renewal of Operation Reassurance."
    }
  }) {
    __typename
    ... on AddRelationSuccess { data { id type evidence { excerpt } } }
    ... on ValidationError { problems { path message } }
  }
}
`,
  },
  {
    capability: "extracting a draft from an article",
    headers: JSON.stringify(
      { Authorization: "Bearer agt_... (npm run token -- --name you --scopes write)" },
      null,
      2,
    ),
    query: `# An article's text -> a draft document to review (needs the write scope; writes
# nothing). Names the graph has come back LINKED under its keys. Review the draft's
# document, then check it with checkDocument(document:) and write it with
# ingestDocument(document:); the explorer's "Add an article" view does all of this.
mutation ExtractDraft {
  extractDocument(
    text: "Canada will send 130 more troops to Latvia, Prime Minister Justin Trudeau said on Tuesday."
    source: { title: "Canada to reinforce Latvia", publisher: "Example Wire", publishedAt: "2022-03-08" }
  ) {
    problems
    entities { key kind name status }
    relations { type from to confidence excerpt }
    document
  }
}
`,
  },
  {
    capability: "retracting a source",
    headers: JSON.stringify(
      { Authorization: "Bearer agt_... (npm run token -- --name you --scopes admin)" },
      null,
      2,
    ),
    query: `# Needs the admin scope. retracted: true marks a source retracted: its claims stay on
# record, ranked DEPRECATED, and stop counting (what only it states leaves every read);
# retracted: false restores it. As it stands this tab restores the seed's article, which
# changes nothing; set true to retract it (the seed is its only source, so the graph's
# relations disappear from reads until you restore it) and run CanadaClaims to compare.
mutation RestoreSource {
  retractSource(key: "ctv-2022-nato-defence-spending", retracted: false) {
    __typename
    ... on RetractSourceSuccess { data { key retracted relations entities } }
    ... on NotFoundError { code message }
    ... on ValidationError { problems { path message } }
  }
}
`,
  },
  {
    capability: "live updates",
    query: `# Every committed write that touches Canada, as it happens (over SSE). Run it, then
# write in another tab; stop it with the same button.
subscription WatchCanada {
  graphChanged(keys: ["canada"]) { operation by at entities relations deletedEntities removedRelations }
}
`,
  },
];

/** The options for yoga's `graphiql` (server.ts), with the examples as default tabs. */
export const GRAPHIQL_OPTIONS = {
  title: "Allies graph",
  defaultQuery: DEFAULT_QUERY,
  defaultTabs: EXAMPLES.map((e) => ({
    query: e.query,
    ...(e.headers ? { headers: e.headers } : {}),
  })),
  // On every request GraphiQL sends, the subscription's SSE GET included: without it CSRF
  // prevention refuses that GET (403) and the live-updates tab never opens its stream.
  additionalHeaders: { [CSRF_HEADER]: "graphiql" },
} satisfies GraphiQLOptions;

/**
 * A link to the explorer. GraphiQL has no slot for links of our own, so a script moves it into
 * GraphiQL's header, beside the title, once that is drawn: there it covers no editor or result.
 */
const EXPLORER_LINK = `<a id="explorer-link" href="/explorer" hidden>Open the graph explorer →</a>`;

/**
 * Our additions to GraphiQL's look: the tab strip wraps onto a second line instead of hiding the
 * last tabs past the edge, and the explorer link sits in the header.
 */
const STYLE = `<style>
.graphiql-container .graphiql-session-header { height: auto; min-height: var(--session-header-height); align-items: flex-start; }
.graphiql-container .graphiql-tabs { flex-wrap: wrap; overflow: visible; row-gap: 4px; }
.graphiql-container .graphiql-tab { border-radius: var(--border-radius-8); }
#explorer-link { margin-left: 12px; padding: 4px 10px; border-radius: 6px; background: #0b63c5; color: #fff;
  font: 600 13px/1.3 system-ui, sans-serif; text-decoration: none; white-space: nowrap; }
#explorer-link:focus-visible { outline: 3px solid #0b63c5; outline-offset: 2px; }
</style>`;

/** The default tabs as GraphiQL stores them (graphiql:tabState in localStorage). */
function storedTabs(tabs: readonly { query: string; headers?: string }[]) {
  return {
    activeTabIndex: 0,
    tabs: tabs.map((tab, i) => {
      const name = /^(?:query|mutation|subscription)\s+(\w+)/m.exec(tab.query)?.[1] ?? null;
      return {
        id: `example-${i}`,
        title: name ?? "<untitled>",
        query: tab.query,
        variables: null,
        headers: tab.headers ?? null,
        operationName: name,
        response: null,
      };
    }),
  };
}

/**
 * The query editor wider than GraphiQL's half by default. And GraphiQL opened with ?query= (the explorer's "Query in GraphiQL") and nothing stored yet would
 * put that query into the first example's tab. With the examples stored first, GraphiQL opens
 * it in a tab of its own (or the tab that already holds it), and the examples stay as they are.
 */
function openQueryInNewTab(options: GraphiQLOptions): string {
  const tabs = options.defaultTabs;
  if (!tabs || tabs.length === 0) return "";
  const state = JSON.stringify(
    storedTabs(tabs.map((t) => ({ query: t.query ?? "", headers: t.headers ?? undefined }))),
  );
  return `<script>
(function () {
  try {
    // The query editor gets three fifths of the width: the result pane wraps its lines, the
    // editor cannot, so lines of the examples are not cut at the editor's edge (until moved).
    if (!localStorage.getItem("graphiql:editorFlex")) localStorage.setItem("graphiql:editorFlex", "1.5");
    if (!new URL(location.href).searchParams.get("query")) return;
    if (localStorage.getItem("graphiql:tabState")) return;
    localStorage.setItem("graphiql:tabState", ${JSON.stringify(state).replace(/</g, "\\u003c")});
  } catch (e) {}
})();
</script>`;
}

/** Moves the explorer link into GraphiQL's header as soon as that is drawn. */
const PLACE_LINK = `<script>
(function () {
  var link = document.getElementById("explorer-link");
  function place() {
    var logo = document.querySelector(".graphiql-container .graphiql-logo");
    if (!link || !logo) return false;
    logo.style.display = "flex";
    logo.style.alignItems = "center";
    logo.appendChild(link);
    link.hidden = false;
    return true;
  }
  if (place()) return;
  var watch = new MutationObserver(function () { if (place()) watch.disconnect(); });
  watch.observe(document.getElementById("root"), { childList: true, subtree: true });
})();
</script>`;

/** A rendered page, with what sending it again costs least: its gzip and its entity tag. */
interface Page {
  gzip: Uint8Array<ArrayBuffer>;
  /** The plain page's tag, and the gzipped page's. */
  etag: string;
  gzipEtag: string;
}

/** Rendered pages by their options; and each page's gzip and tag, by its text. */
const rendered = new Map<string, Promise<string>>();
const pages = new Map<string, Page>();
const gzipped = promisify(gzip);

/**
 * yoga's `renderGraphiQL`: GraphiQL with its scripts, styles and editor workers inlined
 * (@graphql-yoga/render-graphiql) instead of fetched from a CDN, so it also works offline and
 * behind a firewall, plus the explorer link. The page is about 9 MB, so each distinct set of
 * options is rendered (and compressed, see graphiqlTransfer) once, by the first request for it;
 * requests that come meanwhile wait for the same page instead of rendering it again.
 */
export function renderGraphiQL(options: GraphiQLOptions): Promise<string> {
  const key = JSON.stringify(options);
  let html = rendered.get(key);
  if (html === undefined) {
    if (rendered.size > 8) {
      rendered.clear();
      pages.clear();
    }
    html = render(options);
    rendered.set(key, html);
    html.catch(() => rendered.delete(key));
  }
  return html;
}

async function render(options: GraphiQLOptions): Promise<string> {
  inlined ??= import("@graphql-yoga/render-graphiql");
  const html = (await inlined)
    .renderGraphiQL(options)
    .replace("</head>", () => `${STYLE}${openQueryInNewTab(options)}</head>`)
    .replace(/<div id="root"><\/div>/, () => `<div id="root"></div>${EXPLORER_LINK}${PLACE_LINK}`);
  const digest = createHash("sha256").update(html).digest("base64url").slice(0, 27);
  // Compressed on libuv's threads: 9 MB gzipped synchronously held the event loop (every other
  // request) for about 0.2 s, more on a busy machine.
  pages.set(html, {
    gzip: new Uint8Array(await gzipped(html)),
    etag: `"${digest}"`,
    gzipEtag: `"${digest}-gzip"`,
  });
  return html;
}

/**
 * Whether an Accept-Encoding header accepts gzip (RFC 9110 12.5.3): `gzip` (or `x-gzip`, the
 * same coding) with a weight above 0, else `*` with a weight above 0 when gzip is not listed at
 * all. `gzip;q=0, *` refuses gzip: `*` stands only for the codings the header does not name (it
 * was sent gzip, which such a client cannot read).
 */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const item of header.split(",")) {
    const [coding = "", ...params] = item.split(";").map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const w = Number.isNaN(weight) ? 0 : weight;
    if (coding === "gzip" || coding === "x-gzip") gzip = Math.max(gzip ?? 0, w);
    else if (coding === "*") any = Math.max(any ?? 0, w);
  }
  return (gzip ?? any ?? 0) > 0;
}

/**
 * Whether a request's Accept header asks for the GraphiQL page rather than a JSON answer, as RFC
 * 9110 12.5.1 reads it: text/html with a quality above zero and not below any JSON type's. yoga
 * served the 9 MB page to any Accept that contains "text/html", so a client that sent
 * "text/html;q=0, application/json" with a query got the page instead of its answer (redteam24).
 * A browser's Accept (text/html first, at 1) still gets the page.
 */
export function prefersPage(header: string | null): boolean {
  if (!header) return false;
  let html = 0;
  let json = 0;
  for (const item of header.split(",")) {
    const [type = "", ...params] = item.split(";").map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const w = Number.isNaN(weight) ? 0 : weight;
    if (type === "text/html") html = Math.max(html, w);
    else if (type === "application/json" || type === "application/graphql-response+json")
      json = Math.max(json, w);
  }
  return html > 0 && html >= json;
}

/**
 * Whether If-None-Match names `etag` (or is `*`); weak tags match too, the weak comparison RFC
 * 9110 13.1.2 asks for.
 */
function notModified(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === etag);
}

/**
 * The headers of the page's answer: the app's but its length and type (each answer sets its
 * own). Copied by hand: the fetch ponyfill's Headers, built from the app's, kept "Content-Type"
 * through delete("content-type"), and a 304 went out with a content type.
 */
function pageHeaders(from: Headers, fetchAPI: { Headers: typeof Headers }): Headers {
  const headers = new fetchAPI.Headers();
  from.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (lower !== "content-length" && lower !== "content-type") headers.append(lower, value);
  });
  return headers;
}

/** Adds `name` to a Vary header unless it is there already (or `*` is). */
function appendVary(headers: Headers, name: string): void {
  const vary = headers.get("vary");
  const names = (vary ?? "").split(",").map((n) => n.trim().toLowerCase());
  if (names.includes(name.toLowerCase()) || names.includes("*")) return;
  headers.set("vary", vary ? `${vary}, ${name}` : name);
}

/**
 * GraphiQL's page is about 9 MB. This sends it gzipped (about a quarter) to a browser that
 * accepts it, compressed once when rendered and not per request, with an entity tag, so a
 * reload that sends If-None-Match gets 304 and no body; `Cache-Control: no-cache` has the browser
 * ask each time, so a new version of the page shows at once.
 */
export function graphiqlTransfer(): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (request.method !== "GET") return;
      // A GET of the endpoint answers the page or the query's result by its Accept header, so a
      // cache between must key on it, or it could hand the 9 MB page to a client that asked for
      // JSON (or a result to a browser).
      if (!response.headers.get("content-type")?.startsWith("text/html")) {
        appendVary(response.headers, "Accept");
        return;
      }
      if (response.status !== 200) return;
      const html = await response.text();
      const page = pages.get(html);
      const headers = pageHeaders(response.headers, fetchAPI);
      if (page === undefined) {
        headers.set("content-type", "text/html; charset=utf-8");
        setResponse(new fetchAPI.Response(html, { status: 200, headers }));
        return;
      }
      // The gzipped page and the plain one are two representations, each with its own strong
      // tag (RFC 9110 8.8.3): a client revalidates the one it was sent.
      const gzip = acceptsGzip(request.headers.get("accept-encoding"));
      const etag = gzip ? page.gzipEtag : page.etag;
      headers.set("etag", etag);
      headers.set("cache-control", "no-cache");
      appendVary(headers, "Accept");
      appendVary(headers, "Accept-Encoding");
      if (notModified(request.headers.get("if-none-match"), etag)) {
        setResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      headers.set("content-type", "text/html; charset=utf-8");
      if (gzip) {
        headers.set("content-encoding", "gzip");
        setResponse(new fetchAPI.Response(page.gzip, { status: 200, headers }));
      } else {
        setResponse(new fetchAPI.Response(html, { status: 200, headers }));
      }
    },
  };
}
