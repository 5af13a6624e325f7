/**
 * CSRF prevention: yoga's rule (a browser's "simple" request, a GET or a form POST, must carry a
 * header a cross-site page cannot set without a CORS preflight), with its refusal answered as
 * the client error it is: 403 FORBIDDEN, logged at debug without a stack.
 */
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { createGraphQLError, type Plugin } from "graphql-yoga";

/** The header that marks a request as not a cross-site "simple" one (GraphiQL sends it too). */
export const CSRF_HEADER = "x-graphql-yoga-csrf";

/**
 * yoga's useCSRFPrevention with its refusal recoded. yoga's error has no code, so the masking
 * gave it BAD_USER_INPUT and yoga logged it as a failure (error level, stack trace); this one
 * carries its code, so the masking leaves it as it is and yoga logs nothing of it.
 */
export function csrfPrevention(): Plugin {
  const rule = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] });
  let debug: (message: string) => void = () => {};
  return {
    onYogaInit({ yoga }) {
      debug = (message) => yoga.logger.debug(message);
    },
    onRequestParse(payload) {
      try {
        rule.onRequestParse?.(payload);
      } catch {
        debug(`CSRF: refused a ${payload.request.method} without the ${CSRF_HEADER} header`);
        throw createGraphQLError(
          `Send the ${CSRF_HEADER} header (any value) with a GET, or POST the operation as application/json: a request without either could come from another site's page.`,
          { extensions: { code: "FORBIDDEN", http: { status: 403 } } },
        );
      }
    },
  };
}
