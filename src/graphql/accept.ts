/**
 * Content negotiation, checked before anything runs. yoga picks how to answer (JSON, an event
 * stream, multipart) only after the operation has run, and when the Accept header names none of
 * them it answers 406 with an empty body: a mutation sent with `Accept: application/xml` was
 * committed, and its client was told only "Not Acceptable" (seen against `npm start`).
 *
 * The media types a request accepts are read as yoga's result processors read them
 * (graphql-yoga's plugins/result-processor/accept.js: no quality values, only UTF-8), so that
 * what is let through here is what yoga can answer.
 */
import { isAsyncIterable, type Plugin } from "graphql-yoga";

/** What yoga answers with: single results as JSON, streams as server-sent events or multipart. */
const ANSWERED = [
  "application/graphql-response+json",
  "application/json",
  "text/event-stream",
  "multipart/mixed",
];

/** The media ranges of an Accept header, as yoga reads them (a missing header accepts any). */
function acceptedRanges(accept: string | null): string[] {
  const ranges: string[] = [];
  for (const item of (accept || "*/*").replace(/\s/g, "").toLowerCase().split(",")) {
    const [range, ...params] = item.split(";");
    const charset = params.find((p) => p.includes("charset=")) ?? "charset=utf-8";
    if (range && charset === "charset=utf-8") ranges.push(range);
  }
  return ranges;
}

function matches(range: string, type: string): boolean {
  const [rangeType, rangeSub] = range.split("/");
  const [mainType, subType] = type.split("/");
  return (
    (rangeType === "*" || rangeType === mainType) && (rangeSub === "*" || rangeSub === subType)
  );
}

const shown = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

function notAcceptable(accept: string | null, types: readonly string[]): string {
  return (
    `Accept: ${JSON.stringify(shown(accept ?? ""))} names no type this endpoint answers in ` +
    `(UTF-8 only): ${types.join(", ")}. Send Accept: application/json.`
  );
}

/** Why the request's Accept header leaves nothing to answer with, or null when it does not. */
export function acceptProblem(request: Request): string | null {
  const accept = request.headers.get("accept");
  const ranges = acceptedRanges(accept);
  if (ranges.some((range) => ANSWERED.some((type) => matches(range, type)))) return null;
  return `${notAcceptable(accept, ANSWERED)} Nothing was run.`;
}

/**
 * What is left for yoga to refuse after running gets a coded JSON body, not an empty one: a
 * subscription asked for as JSON or multipart only (it streams as server-sent events).
 */
export function notAcceptableAnswer(): Plugin {
  return {
    onResultProcess({
      request,
      result,
      resultProcessor,
      acceptableMediaTypes,
      setResultProcessor,
    }) {
      if (resultProcessor) return;
      const stream = isAsyncIterable(result);
      // Nothing will read the stream: ended here, or its subscription would stay registered.
      if (stream) void (result as AsyncGenerator).return?.(undefined);
      const message = stream
        ? "This operation answers with a stream of results: send Accept: text/event-stream."
        : notAcceptable(request.headers.get("accept"), [...new Set(acceptableMediaTypes)]);
      setResultProcessor(
        (_result, fetchAPI) =>
          new fetchAPI.Response(
            JSON.stringify({ errors: [{ message, extensions: { code: "BAD_REQUEST" } }] }),
            { status: 406, headers: { "content-type": "application/json; charset=utf-8" } },
          ),
        "application/json",
      );
    },
  };
}
