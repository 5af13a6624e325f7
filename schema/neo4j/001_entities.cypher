// Every entity has a unique, readable key; the constraint is also the index every lookup uses.
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;

// Name lookups, ordering and prefix filters.
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);

// Lock nodes (WRITE_LOCK_LABEL): one per name, so that writes merging one wait for each other.
CREATE CONSTRAINT write_lock_name IF NOT EXISTS FOR (l:WriteLock) REQUIRE l.name IS UNIQUE;

// Ranked search over names, aliases (a list of strings), their plain spellings (plainNames:
// "adazi" for "Ādaži") and descriptions. It replaces entity_search, which had no plain spellings
// (the analyzer cannot fold accents without dropping English stop words): dropped once.
DROP INDEX entity_search IF EXISTS;
CREATE FULLTEXT INDEX entity_fulltext IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases, n.plainNames, n.description]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
