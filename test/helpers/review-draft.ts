/**
 * The draft the explorer's review unit tests start from: "Anna Berg visited Riga in June." first
 * in the text, Anna Berg (new) VISITED Riga (new) in 2024-06 quoted from it, and whatever a test
 * adds after them (the text's other sentences, entities and relations).
 */
import type { Draft } from "../../src/explorer/page/api.js";

/** The first sentence of every such text. */
export const S1 = "Anna Berg visited Riga in June.";

type DocumentPart = Draft["document"];

export function annaDraft(
  text: string,
  more: {
    entities?: DocumentPart["entities"];
    relations?: DocumentPart["relations"];
    drafted?: Draft["entities"];
    draftedRelations?: Draft["relations"];
    sentences?: Draft["sentences"];
  } = {},
): Draft {
  if (!text.startsWith(S1)) throw new Error("the text must start with S1");
  const span1 = { start: 0, end: S1.length };
  return {
    document: {
      source: { key: "src-a", name: "A", properties: { text } },
      entities: [
        { key: "anna-berg", kind: "Person", name: "Anna Berg" },
        { key: "riga", kind: "Place", name: "Riga" },
        ...(more.entities ?? []),
      ],
      relations: [
        {
          from: "anna-berg",
          type: "VISITED",
          to: "riga",
          properties: { date: "2024-06" },
          inferred: false,
          evidence: S1,
        },
        ...(more.relations ?? []),
      ],
    },
    entities: [
      {
        key: "anna-berg",
        kind: "Person",
        name: "Anna Berg",
        status: "NEW",
        mentions: [{ start: 0, end: 9 }],
      },
      {
        key: "riga",
        kind: "Place",
        name: "Riga",
        status: "NEW",
        mentions: [{ start: 18, end: 22 }],
      },
      ...(more.drafted ?? []),
    ],
    relations: [
      {
        index: 0,
        type: "VISITED",
        from: "anna-berg",
        to: "riga",
        excerpt: S1,
        span: span1,
        confidence: 0.8,
        inferred: false,
      },
      ...(more.draftedRelations ?? []),
    ],
    ...(more.sentences ? { sentences: more.sentences } : {}),
    problems: [],
  };
}
