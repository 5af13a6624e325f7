/**
 * Typed errors for mutations (the errors plugin): a failed write comes back as a member of the
 * field's result union, with a stable `code` and, for invalid input, every problem with its path.
 */
import {
  AppError,
  BadInputError,
  ConflictError,
  type InputProblem,
  NotFoundError,
} from "../../domain/errors.js";
import { builder } from "../builder.js";

export const ErrorInterface = builder.interfaceRef<AppError>("Error").implement({
  description: "An expected failure of a mutation; nothing was written.",
  fields: (t) => ({
    message: t.exposeString("message"),
    code: t.string({
      description: "Stable: BAD_USER_INPUT, NOT_FOUND, CONFLICT ...",
      resolve: (e) => e.code,
    }),
  }),
});

const NewVersionRef = builder
  .objectRef<NonNullable<InputProblem["newVersion"]>>("NewVersion")
  .implement({
    description:
      "A way out of a refusal in one step: send the document again as a new version under `key`, with `supersedes`.",
    fields: (t) => ({
      key: t.exposeString("key", { description: "A free key for the new version's source." }),
      supersedes: t.exposeString("supersedes", {
        description:
          "The stored source it corrects: pass it as ingestDocument's (and checkDocument's) `supersedes`.",
      }),
    }),
  });

const ProblemRef = builder.objectRef<InputProblem>("InputProblem").implement({
  description: "One problem in an input, with where it is.",
  fields: (t) => ({
    path: t.stringList({
      description: 'Path into the input, e.g. ["document", "relations", "3", "to"].',
      resolve: (p) => p.path.map(String),
    }),
    message: t.exposeString("message"),
    newVersion: t.field({
      type: NewVersionRef,
      nullable: true,
      description:
        "Set when the way out is a new version of a stored article (the same URL, sentences the graph quotes dropped): its free key and the source it supersedes.",
      resolve: (p) => p.newVersion ?? null,
    }),
  }),
});

builder.objectType(BadInputError, {
  name: "ValidationError",
  description:
    "The input is invalid: every problem is listed with its path (the first 100, then a line saying that more follow).",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof BadInputError,
  fields: (t) => ({ problems: t.field({ type: [ProblemRef], resolve: (e) => e.problems }) }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof NotFoundError,
  fields: () => ({}),
});

builder.objectType(ConflictError, {
  name: "ConflictError",
  description: "The write contradicts what is stored.",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ConflictError,
  fields: () => ({}),
});

export { AppError };
