# Sourced by the bench scripts: sets `launch`, the java arguments that start Lianxin (after JVM options).
# The executable jar when the build could repackage one; otherwise (an offline machine may lack the
# spring-boot-maven-plugin's repackage dependencies) a copy of the compiled classes on Maven's runtime class path —
# the same code and JVM options, and compiling in the checkout during the run does not change the server under test.
# BENCH_SKIP_BUILD=1 uses what target/ holds.
bench_build() {
  [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && return 0
  echo "== building" >&2
  ./mvnw -B -o -q -DskipTests -Dskip.web=true package >&2 || ./mvnw -B -o -q -DskipTests -Dskip.web=true compile >&2
}

bench_launch() {
  local jar
  jar=$(ls target/lianxin-*.jar 2>/dev/null | head -1 || true)
  if [ -n "$jar" ] && unzip -l "$jar" 2>/dev/null | grep -q BOOT-INF/lib; then
    launch=(-jar "$jar")
    return 0
  fi
  local classes="target/bench-classes"
  rm -rf "$classes" && cp -r target/classes "$classes"
  ./mvnw -B -o -q org.codehaus.mojo:exec-maven-plugin:3.6.4:exec -Dexec.classpathScope=runtime \
    -Dexec.args="exec -c 'echo %classpath > ../target/bench-classpath.txt'" >/dev/null 2>&1
  launch=(-cp "$classes:$(cut -d: -f2- target/bench-classpath.txt)" org.lianxin.LianxinApplication)
  echo "== no executable jar: running $classes on the Maven runtime class path" >&2
}

# bench_serve DEMO LOG: starts Lianxin on $port against the bench database (LIANXIN_DEMO=DEMO, output to LOG), sets
# `pid`, stops it when the script exits, and waits until it answers (or says where to look when it died).
bench_serve() {
  LIANXIN_DEMO="$1" java -Xmx512m "${launch[@]}" --spring.profiles.active=postgres --server.port="$port" > "$2" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  until curl -sf "http://localhost:$port/actuator/health" >/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "Lianxin did not start; see $2" >&2; exit 1; }
    sleep 0.5
  done
}
