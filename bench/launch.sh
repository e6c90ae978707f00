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
