#!/usr/bin/env bash
# Lianxin import benchmark: bench/import.sh [h2|postgresql] [rows] [baseline rows]
# Generates the district scale's places and accounts WITHOUT its people (lianxin.generate.people=false) into a fresh
# database, gives one generated subdistrict officer the SUBDISTRICT_OFFICER role at the district (so one file may name
# all 190 communities), starts Lianxin with -Xmx512m, imports a baseline roster (5,000 rows) and then the district's
# 57,546 members through POST /api/v1/members/imports, polling the job, and writes one JSON line per import to stdout
# and to bench/results/<commit>-import-<db>.jsonl: seconds, rows/s, per-row cost, the ratio of the big file's per-row
# cost to the baseline's, and the server's resident memory (sampled peak during the import, and VmHWM).
set -euo pipefail
cd "$(dirname "$0")/.."
db_kind="${1:-h2}"
rows="${2:-57546}"
baseline_rows="${3:-5000}"
port="${BENCH_PORT:-18081}"
commit="$(git rev-parse --short HEAD)$(git diff --quiet || echo -dirty)"
out="bench/results/${commit}-import-${db_kind}.jsonl"
work="target/bench-import"
export LIANXIN_CRYPTO_KEY="YmVuY2gta2V5LWZvci1saWFueGluLWJlbmNobWFya3MhIQ=="
mkdir -p "$work" bench/results

echo "== building" >&2
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -DskipTests -Dskip.web=true package >&2
fi
jar=$(ls target/lianxin-*.jar | head -1)

profile_args=()
if [ "$db_kind" = postgresql ]; then
  db="lianxin_bench_import"
  export LIANXIN_DB_URL="jdbc:postgresql://127.0.0.1:5432/${db}" LIANXIN_DB_USER=postgres
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $db" -c "create database $db"
  sql() { psql -h 127.0.0.1 -U postgres -d "$db" -tAq -c "$1"; }
  profile_args=(--spring.profiles.active=postgres)
else
  rm -rf "$work/h2"
  url="jdbc:h2:file:$(pwd)/$work/h2/lianxin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE"
  export LIANXIN_DB_URL="$url" LIANXIN_DB_USER=sa
  h2jar=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | sort | tail -1)
  sql() { java -cp "$h2jar" org.h2.tools.Shell -url "$url" -user sa -sql "$1" | sed '1d;$d' | sed 's/ *$//'; }
fi

echo "== generating the district's places without its people ($db_kind)" >&2
t0=$(date +%s%3N)
java -Xmx512m -jar "$jar" "${profile_args[@]}" --server.port=0 --lianxin.generate.scale=district \
  --lianxin.generate.people=false > "$work/generate-${db_kind}.log" 2>&1
generate_ms=$(( $(date +%s%3N) - t0 ))
grep "Generated scale" "$work/generate-${db_kind}.log" | sed 's/.*GeneratorRunner *: //' >&2

district=$(sql "select id from area where level = 'DISTRICT' and name like '%生成%' order by id limit 1" | head -1 | tr -d ' ')
subdistrict=$(sql "select id from area where parent_id = $district order by id limit 1" | head -1 | tr -d ' ')
officer="jd$subdistrict"
# the district's community names that are unique in it (a repeated name would be rejected as ambiguous)
sql "select name from area where level = 'COMMUNITY' and path like '/$district/%' group by name having count(*) = 1 order by name" \
  | sed 's/^ *//' | grep -v '^$' | grep -v '^name$' | grep -v 'rows' > "$work/communities.txt"
echo "   $(wc -l < "$work/communities.txt") communities, importing as $officer (officer at the district)" >&2
sql "insert into role_assignment (id, account_id, role, area_id, assigned_at) select nextval('role_assignment_seq'), id, \
  'SUBDISTRICT_OFFICER', $district, current_timestamp from account where username = '$officer'" >/dev/null

echo "== starting Lianxin on :$port (-Xmx512m)" >&2
LIANXIN_DEMO=true java -Xmx512m -jar "$jar" "${profile_args[@]}" --server.port="$port" > "$work/server-${db_kind}.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$port/actuator/health" >/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "Lianxin did not start; see $work/server-${db_kind}.log" >&2; exit 1; }
  sleep 0.5
done

echo "== baseline: $baseline_rows rows" >&2
base_line=$(java bench/ImportBench.java "http://localhost:$port" "$officer" Bench@2026 "$work/communities.txt" \
  "$baseline_rows" 100000 "import.members.baseline-${baseline_rows}" $pid)
echo "$base_line" | tee "$out.tmp"
echo "== district: $rows rows" >&2
java bench/ImportBench.java "http://localhost:$port" "$officer" Bench@2026 "$work/communities.txt" \
  "$rows" 0 "import.members.district-${rows}" $pid "$base_line" | tee -a "$out.tmp"
printf '{"name":"process","db":"%s","commit":"%s","generate_places_ms":%s,"rss_end_mib":%s,"heap_max_mib":512}\n' \
  "$db_kind" "$commit" "$generate_ms" "$(( $(ps -o rss= -p $pid | tr -d ' ') / 1024 ))" | tee -a "$out.tmp"
mv "$out.tmp" "$out"
echo "== results in $out" >&2
