#!/usr/bin/env bash
# Lianxin benchmark: bench/run.sh [community|district] [seconds per figure]
# Builds the jar, generates the scale into a fresh PostgreSQL database, starts Lianxin with -Xmx512m,
# runs the fixed mix with bench/LoadClient.java, and writes one JSON line per figure to stdout and to
# bench/results/<commit>-<scale>.jsonl, with start-up time and resident memory after the run.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-district}"
seconds="${2:-20}"
port="${BENCH_PORT:-18080}"
db="${BENCH_DB:-lianxin_bench_${scale}}"   # BENCH_DB: another name when several checkouts bench at once
commit="$(git rev-parse --short HEAD)$(git diff --quiet || echo -dirty)"
out="bench/results/${commit}-${scale}.jsonl"
export LIANXIN_CRYPTO_KEY="YmVuY2gta2V5LWZvci1saWFueGluLWJlbmNobWFya3MhIQ=="
export LIANXIN_DB_URL="jdbc:postgresql://127.0.0.1:5432/${db}" LIANXIN_DB_USER=postgres
sql() { psql -h 127.0.0.1 -U postgres -d "$db" -tAq -c "$1"; }
now_ms() { date +%s%3N; }

echo "== building" >&2
./mvnw -B -q -DskipTests -Dskip.web=true package >&2   # the API is what is measured
jar=$(ls target/lianxin-*.jar | head -1)

echo "== generating scale $scale into $db" >&2
t0=$(now_ms)
if [ "${BENCH_REUSE:-0}" = 1 ] && psql -h 127.0.0.1 -U postgres -d "$db" -tAc "select 1 from need limit 1" 2>/dev/null | grep -q 1; then
  echo "BENCH_REUSE=1: measuring the scale already in $db (not generated again)" >&2   # e.g. after a fix, same data
else
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $db" -c "create database $db"
java -Xmx512m -jar "$jar" --spring.profiles.active=postgres --server.port=0 --lianxin.generate.scale="$scale" \
  > "bench/results/generate-${scale}.log" 2>&1
fi
generate_ms=$(( $(now_ms) - t0 ))
grep "Generated scale" "bench/results/generate-${scale}.log" | sed 's/.*GeneratorRunner *: //' >&2

# BENCH_CDS=1: start from an extracted jar with a class-data-sharing archive (what docs/operations.md recommends)
run_jar="$jar"; jvm_opts=""
if [ "${BENCH_CDS:-0}" = 1 ]; then
  rm -rf target/cds && java -Djarmode=tools -jar "$jar" extract --destination target/cds >/dev/null
  run_jar="target/cds/$(basename "$jar")"
  java -Xmx512m -XX:ArchiveClassesAtExit=target/cds/app.jsa -Dspring.context.exit=onRefresh -jar "$run_jar" \
    --spring.profiles.active=postgres --server.port=0 >/dev/null 2>&1 || true
  jvm_opts="-XX:SharedArchiveFile=target/cds/app.jsa"
fi

echo "== starting Lianxin on :$port" >&2
t0=$(now_ms)
LIANXIN_DEMO=true java -Xmx512m $jvm_opts -jar "$run_jar" --spring.profiles.active=postgres --server.port="$port" \
  > "bench/results/server-${scale}.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$port/actuator/health" >/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "Lianxin did not start; see bench/results/server-${scale}.log" >&2; exit 1; }
  sleep 0.2
done
startup_ms=$(( $(now_ms) - t0 ))

district=$(sql "select id from area where level = 'DISTRICT' and name like '%生成%' order by id limit 1")
subdistrict=$(sql "select id from area where parent_id = $district order by id limit 1")
community=$(sql "select id from area where parent_id = $subdistrict order by id limit 1")
grid=$(sql "select id from area where parent_id = $community order by id limit 1")
committee=$(sql "select id from org_unit where area_id = $community and level = 'COMMUNITY_COMMITTEE'")
need=$(sql "select min(id) from need where area_path like (select path from area where id = $community) || '%' and state = 'SUBMITTED'")

echo "== load: $seconds s per figure at 100 requests/s, then closed loop" >&2
java bench/LoadClient.java "http://localhost:$port" rate=100 seconds="$seconds" warmup=5 concurrency=8 \
  password=Bench@2026 login.secretary="sq$community" login.officer="jd$subdistrict" \
  "baseline.liveness|anon|/actuator/health/liveness" \
  "areas.children.community|secretary|/api/v1/areas?parentId=$community&size=20" \
  "areas.search.community|secretary|/api/v1/areas?q=%E5%BA%A7&size=20" \
  "areas.roots.community|secretary|/api/v1/areas/roots" \
  "areas.detail.grid|secretary|/api/v1/areas/$grid" \
  "areas.map.community|secretary|/api/v1/areas/$community/map" \
  "org-units.children.community|secretary|/api/v1/org-units?parentId=$committee&size=20" \
  "partner-units.list.community|secretary|/api/v1/partner-units?size=20" \
  "grid-roles.grid|secretary|/api/v1/grid-roles?gridId=$grid" \
  "auth.me|secretary|/api/v1/auth/me" \
  "areas.by-grid.subdistrict|officer|/api/v1/areas?parentId=$grid&size=20" \
  "areas.grids.subdistrict|officer|/api/v1/areas?level=GRID&size=20" \
  "partner-units.list.subdistrict|officer|/api/v1/partner-units?size=20" \
  "needs.list.community|secretary|/api/v1/needs?size=20" \
  "needs.list.subdistrict|officer|/api/v1/needs?size=20" \
  "needs.proposals|secretary|/api/v1/needs/${need:-0}/proposals" \
  "matching-statistics.subdistrict|officer|/api/v1/matching-statistics" \
  | tee "$out.tmp"

rss_kib=$(ps -o rss= -p $pid | tr -d ' ')
areas=$(sql "select count(*) from area")
started_s=$(grep -o "Started LianxinApplication in [0-9.]*" "bench/results/server-${scale}.log" | grep -o "[0-9.]*$")
printf '{"name":"process","scale":"%s","commit":"%s","cds":%s,"areas":%s,"generate_ms":%s,"startup_ms":%s,"spring_started_s":%s,"rss_mib":%s,"heap_max_mib":512}\n' \
  "$scale" "$commit" "${BENCH_CDS:-0}" "$areas" "$generate_ms" "$startup_ms" "${started_s:-null}" "$((rss_kib / 1024))" | tee -a "$out.tmp"
mv "$out.tmp" "$out"
echo "== results in $out" >&2
