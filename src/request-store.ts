/**
 * Per-request facts shared between the HTTP layer and GraphQL without threading them through
 * every call: the request id, and what the access log reports (operation, Cypher round trips).
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestInfo {
  id: string;
  operationName?: string | undefined;
  roundTrips?: number;
}

export const requestStore = new AsyncLocalStorage<RequestInfo>();
