#!/usr/bin/env bash
# Two Lianxin nodes on one PostgreSQL: a session made on node A is used on node B, and a concurrent
# edit through both answers one 200 and one 409. Usage: bench/two-nodes.sh (needs a built jar:
# ./mvnw -DskipTests package). TwoNodesTests proves the same in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
db=lianxin_two_nodes
export LIANXIN_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" LIANXIN_DB_USER=postgres LIANXIN_DEMO=true
export LIANXIN_CRYPTO_KEY="dHdvLW5vZGVzLWRlbW8ta2V5LWZvci1saWFueGluLW9ubHk="
jar=$(ls target/lianxin-*.jar | head -1)
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $db" -c "create database $db"
java -Xmx512m -jar "$jar" --spring.profiles.active=postgres --server.port=18081 > /tmp/lianxin-node-a.log 2>&1 & a=$!
sleep 2   # let node A run the migrations and load the demo first
java -Xmx512m -jar "$jar" --spring.profiles.active=postgres --server.port=18082 > /tmp/lianxin-node-b.log 2>&1 & b=$!
trap 'kill $a $b 2>/dev/null || true' EXIT
for port in 18081 18082; do until curl -sf localhost:$port/actuator/health >/dev/null; do sleep 0.3; done; done
jar_cookies=$(mktemp)
curl -s -c "$jar_cookies" -H 'Content-Type: application/json' \
  -d '{"username":"beijiang","password":"Lianxin@2026"}' localhost:18081/api/v1/auth/login >/dev/null
echo "logged in on node A (:18081); asking node B (:18082) who we are:"
curl -s -b "$jar_cookies" localhost:18082/api/v1/auth/me; echo
token=$(awk '/XSRF-TOKEN/ {print $7}' "$jar_cookies")
grid=$(psql -h 127.0.0.1 -U postgres -d $db -tAc "select id from area where name = '北江社区第一网格'")
version=$(psql -h 127.0.0.1 -U postgres -d $db -tAc "select version from area where id = $grid")
echo "renaming area $grid at version $version through both nodes at once:"
for port in 18081 18082; do
  curl -s -o /dev/null -w "node :$port -> %{http_code}\n" -b "$jar_cookies" -X PUT -H "X-XSRF-TOKEN: $token" \
    -H 'Content-Type: application/json' -d "{\"name\":\"北江社区第一网格\",\"code\":\"BJ-G1\",\"version\":$version}" \
    localhost:$port/api/v1/areas/$grid &
done
wait %3 %4 2>/dev/null || true
sleep 1
