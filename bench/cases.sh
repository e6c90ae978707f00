#!/usr/bin/env bash
# Case benchmark: bench/cases.sh [cases=200000] [seconds per figure=10] [rate=20]
# Builds the jar, generates the district scale plus a year of grid cases into a fresh PostgreSQL database
# (lianxin_bench_cases, port 18090 — apart from run.sh's), starts Lianxin with -Xmx512m and measures the case
# list, filters by grid and state, the overdue list and the statistics with bench/LoadClient.java, next to the
# liveness baseline of the same run. Places, organisations and accounts only (BENCH_PEOPLE=true adds members,
# households and residents: 10+ minutes more on a busy machine, and the case figures do not read them). One JSON line per figure, kept in bench/results/<commit>-cases.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-200000}"
seconds="${2:-10}"
rate="${3:-20}"
port="${BENCH_CASES_PORT:-18090}"
db="lianxin_bench_cases"
commit="$(git rev-parse --short HEAD)$(git diff --quiet || echo -dirty)"
out="bench/results/${commit}-cases.jsonl"
export LIANXIN_CRYPTO_KEY="YmVuY2gta2V5LWZvci1saWFueGluLWJlbmNobWFya3MhIQ=="
export LIANXIN_DB_URL="jdbc:postgresql://127.0.0.1:5432/${db}" LIANXIN_DB_USER=postgres
sql() { psql -h 127.0.0.1 -U postgres -d "$db" -tAq -c "$1"; }
now_ms() { date +%s%3N; }

. bench/launch.sh
bench_build
bench_launch

if [ "${BENCH_REUSE_DB:-0}" != 1 ]; then
  echo "== generating the district and $cases cases into $db" >&2
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $db" -c "create database $db"
  t0=$(now_ms)
  java -Xmx512m "${launch[@]}" --spring.profiles.active=postgres --server.port=0 --lianxin.generate.scale=district \
    --lianxin.generate.cases="$cases" --lianxin.generate.people="${BENCH_PEOPLE:-false}" \
    > "bench/results/generate-cases.log" 2>&1
  generate_ms=$(( $(now_ms) - t0 ))
  grep "Generated" "bench/results/generate-cases.log" | sed 's/.*GeneratorRunner *: //' >&2
  # a bulk-loaded table is not vacuumed yet: without a visibility map the index-only scans of the statistics
  # (V44_1) would visit the heap until autovacuum catches up, as it does on a live database
  sql "vacuum analyze" >/dev/null
else
  generate_ms=null
fi
cases_s=$(grep -o "Generated [0-9]* cases in [0-9]*" bench/results/generate-cases.log | grep -o "[0-9]*$" || echo null)

echo "== starting Lianxin on :$port" >&2
bench_serve true "bench/results/server-cases.log"

district=$(sql "select id from area where level = 'DISTRICT' and name like '%生成%' order by id limit 1")
subdistrict=$(sql "select id from area where parent_id = $district order by id limit 1")
community=$(sql "select id from area where parent_id = $subdistrict order by id limit 1")
grid=$(sql "select id from area where parent_id = $community and level = 'GRID' order by id limit 1")
today=$(TZ=Asia/Shanghai date +%F)
year_ago=$(TZ=Asia/Shanghai date -d '-364 days' +%F)
total=$(sql "select count(*) from grid_case")

echo "== load: $seconds s per figure at $rate requests/s, then closed loop ($total cases)" >&2
java bench/LoadClient.java "http://localhost:$port" rate="$rate" seconds="$seconds" warmup=3 concurrency=4 \
  password=Bench@2026 login.officer="jd$subdistrict" login.secretary="sq$community" login.worker="wg$grid" \
  "baseline.liveness|anon|/actuator/health/liveness" \
  "cases.list.subdistrict|officer|/api/v1/cases?size=20" \
  "cases.by-grid-state.subdistrict|officer|/api/v1/cases?gridId=$grid&state=HANDLING&size=20" \
  "cases.by-state.subdistrict|officer|/api/v1/cases?state=HANDLING&size=20" \
  "cases.overdue.subdistrict|officer|/api/v1/cases?overdue=true&size=20" \
  "cases.list.grid|worker|/api/v1/cases?size=20" \
  "case-statistics.community.30d|secretary|/api/v1/case-statistics?areaId=$community" \
  "case-statistics.subdistrict.year|officer|/api/v1/case-statistics?areaId=$subdistrict&from=$year_ago&to=$today" \
  | tee "$out.tmp"

rss_kib=$(ps -o rss= -p $pid | tr -d ' ')
printf '{"name":"process","scale":"district","commit":"%s","cases":%s,"generate_ms":%s,"cases_generate_s":%s,"rss_mib":%s,"heap_max_mib":512}\n' \
  "$commit" "$total" "$generate_ms" "$cases_s" "$((rss_kib / 1024))" | tee -a "$out.tmp"
mv "$out.tmp" "$out"
echo "== results in $out" >&2
