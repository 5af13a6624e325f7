#!/bin/bash
# usage: bench/where-planning-cold.sh true|false TAG: starts the built server (and its local Neo4j,
# bolt 7805, HTTP 4213) with WARM_UP_READS true or false, waits until it serves (and, with the
# warm-up, until that is done), runs bench/where-planning.ts twice (without and with clearing the
# query caches) and stops it. Nothing else may use that instance meanwhile.
WARM=$1
cd "$(dirname "$0")/.."
PORT=4213 NEO4J_LOCAL_BOLT_PORT=7805 WARM_UP_READS=$WARM NODE_ENV=production setsid node --max-old-space-size=1536 dist/app/src/main.js > /tmp/plan30-cold-$2.log 2>&1 &
echo $! > /tmp/plan30-cold.pid
want="GraphiQL:"; [ "$WARM" = true ] && want="Planned the list reads"
for i in $(seq 1 240); do grep -q "$want" /tmp/plan30-cold-$2.log && break; sleep 1; done
grep -o '"msg":"Planned[^"]*"' /tmp/plan30-cold-$2.log
echo "== $2 warm=$WARM pass1 (no clear: right after start) load $(cut -d' ' -f1 /proc/loadavg)"
npx tsx bench/where-planning.ts --bolt-port 7805 --rounds 1 --no-clear after=http://127.0.0.1:4213/graphql | tail -25
echo "== $2 warm=$WARM pass2 (clear before each) load $(cut -d' ' -f1 /proc/loadavg)"
npx tsx bench/where-planning.ts --bolt-port 7805 --rounds 1 after=http://127.0.0.1:4213/graphql | tail -2
kill $(cat /tmp/plan30-cold.pid); sleep 12
