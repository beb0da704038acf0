#!/bin/sh
# Builds the native test fixtures into shared libraries, run by Maven (exec-maven-plugin) before the
# tests: every src/test/c/NAME.c with the C compiler, every src/test/cpp/NAME.cpp with the C++
# compiler, into OUT/libNAME.so, against the kit's header in src/main/c. A library is rebuilt only
# when its source, the kit's header or a header beside the source is newer. Without a compiler the
# fixtures of that language are not built and OUT/BUILD says why, so the native tests are skipped
# with that reason instead of failing; a fixture that does not compile fails the build.
#
# usage: build.sh OUT_DIR   (run from the project's base directory)
set -eu
out=${1:?usage: build.sh OUT_DIR}
mkdir -p "$out"
status="$out/BUILD"
: > "$status.part"

first_of() {
  for candidate in "$@"; do
    if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return 0; fi
  done
  return 1
}

# up_to_date LIBRARY INPUT...: the library exists and is newer than every input that exists (the
# fixtures' shared headers in their directory included).
up_to_date() {
  built=$1
  shift
  [ -e "$built" ] || return 1
  for input in "$@"; do
    if [ -e "$input" ] && [ ! "$built" -nt "$input" ]; then return 1; fi
  done
  return 0
}

# build LANGUAGE COMPILER-or-empty SUFFIX DIR FLAGS...
build() {
  language=$1 compiler=$2 suffix=$3 dir=$4
  shift 4
  if [ ! -d "$dir" ]; then return 0; fi
  if [ -z "$compiler" ]; then
    echo "$language: skipped, no compiler found on the PATH" >> "$status.part"
    return 0
  fi
  echo "$language: $compiler ($("$compiler" -dumpfullversion 2>/dev/null || "$compiler" -dumpversion))" >> "$status.part"
  for source in "$dir"/*."$suffix"; do
    [ -e "$source" ] || continue
    name=$(basename "$source" ".$suffix")
    library="$out/lib$name.so"
    if up_to_date "$library" "$source" src/main/c/arrow_ownership_kit.h "$dir"/*.h; then
      continue
    fi
    "$compiler" "$@" -shared -fPIC -O1 -g -Wall -Wextra -Werror -Isrc/main/c -o "$library.part" "$source" -lpthread
    mv "$library.part" "$library"
    echo "built $library"
  done
}

build c "$(first_of cc gcc clang || true)" c src/test/c -std=c11
build c++ "$(first_of c++ g++ clang++ || true)" cpp src/test/cpp -std=c++17
mv "$status.part" "$status"
cat "$status"
