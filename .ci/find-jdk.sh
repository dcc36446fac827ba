# shellcheck shell=bash
# Shared JDK detection for .ci/run and ./tradecore. Source it, then call
#   tc_find_jdk [MIN_MAJOR]     (default 21)
# On success it exports JAVA_HOME, puts $JAVA_HOME/bin first on PATH, sets
# TC_JAVA_MAJOR and returns 0. Otherwise it changes nothing and returns 1.
# It never installs anything, never exits and does not change shell options.

# Print the major version of the JDK at $1 (e.g. 25, 17, 8), or return 1.
tc_java_major() {
  local home=$1 ver=""
  [ -x "$home/bin/java" ] || return 1
  if [ -f "$home/release" ]; then
    ver=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}[[:space:]]*$/\1/p' "$home/release" 2>/dev/null | head -n 1)
  fi
  if [ -z "$ver" ]; then
    # e.g.: openjdk version "17.0.15" 2025-04-15  /  java version "1.8.0_392"
    ver=$("$home/bin/java" -version 2>&1 | sed -n 's/^[^"]*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  case $ver in 1.*) ver=${ver#1.} ;; esac
  ver=${ver%%[!0-9]*}
  [ -n "$ver" ] || return 1
  printf '%s\n' "$ver"
}

# A usable JDK has bin/java and bin/javac (Maven needs the compiler).
tc_is_jdk() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ]
}

tc_find_jdk() {
  local min=${1:-21} best="" best_major=0 dir major java_bin

  # 1. $JAVA_HOME, if it is new enough.
  if [ -n "${JAVA_HOME:-}" ] && tc_is_jdk "$JAVA_HOME"; then
    major=$(tc_java_major "$JAVA_HOME") || major=0
    if [ "$major" -ge "$min" ]; then
      best=$JAVA_HOME best_major=$major
    fi
  fi

  # 2. Highest version under /usr/lib/jvm.
  if [ -z "$best" ]; then
    for dir in /usr/lib/jvm/*; do
      tc_is_jdk "$dir" || continue
      major=$(tc_java_major "$dir") || continue
      if [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
        best=$dir best_major=$major
      fi
    done
  fi

  # 3. Whatever `java` is on PATH (sdkman, Homebrew, ...).
  if [ -z "$best" ] && java_bin=$(command -v java 2>/dev/null); then
    while [ -L "$java_bin" ]; do
      dir=$(readlink "$java_bin")
      case $dir in /*) java_bin=$dir ;; *) java_bin=$(dirname "$java_bin")/$dir ;; esac
    done
    dir=$(cd "$(dirname "$java_bin")/.." 2>/dev/null && pwd -P) || dir=""
    if [ -n "$dir" ] && tc_is_jdk "$dir"; then
      major=$(tc_java_major "$dir") || major=0
      if [ "$major" -ge "$min" ]; then
        best=$dir best_major=$major
      fi
    fi
  fi

  [ -n "$best" ] || return 1
  JAVA_HOME=$best
  TC_JAVA_MAJOR=$best_major
  PATH="$JAVA_HOME/bin:$PATH"
  export JAVA_HOME PATH TC_JAVA_MAJOR
}
