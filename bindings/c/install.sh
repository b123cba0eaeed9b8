#!/usr/bin/env bash
# Installs libbynder into a prefix: the libraries, the header, a pkg-config file and a CMake
# package.
#
#   cargo build -p bynder-c --release
#   bash bindings/c/install.sh /usr/local            # or any prefix; --debug for a debug build
#
# Installs PREFIX/lib/libbynder.{so,a}, PREFIX/include/bynder.h,
# PREFIX/lib/pkgconfig/{bynder,bynder-static}.pc and PREFIX/lib/cmake/bynder/bynderConfig*.cmake.
# CARGO_TARGET_DIR is honoured. It does not build: it installs what cargo built.
set -euo pipefail

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }

prefix='' profile=release
while [ $# -gt 0 ]; do
  case $1 in
    --debug) profile=debug ;;
    --release) profile=release ;;
    -h | --help) usage; exit 0 ;;
    -*) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
    *) [ -z "$prefix" ] || { echo "one prefix only" >&2; exit 2; }; prefix=$1 ;;
  esac
  shift
done
[ -n "$prefix" ] || { usage >&2; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
case $target in /*) ;; *) target=$root/$target ;; esac
build=$target/$profile
for file in libbynder.so libbynder.a; do
  [ -f "$build/$file" ] || {
    echo "$build/$file is missing: run cargo build -p bynder-c$([ "$profile" = release ] && echo ' --release')" >&2
    exit 1
  }
done

mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
version=$(awk '/^\[workspace.package\]/{p=1; next} /^\[/{p=0} p && /^version *=/{gsub(/[" ]/,""); sub(/version=/,""); print; exit}' "$root/Cargo.toml")
[ -n "$version" ] || { echo "cannot read the version from Cargo.toml" >&2; exit 1; }
# The system libraries a Rust static library needs on Linux, as reported by
# `cargo rustc -p bynder-c --lib --crate-type staticlib -- --print native-static-libs`.
native_libs='-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc'
cmake_native_libs=$(printf '%s' "$native_libs" | sed 's/-l//g; s/ /;/g')

install -d "$prefix/lib/pkgconfig" "$prefix/lib/cmake/bynder" "$prefix/include"
install -m 0755 "$build/libbynder.so" "$prefix/lib/libbynder.so"
install -m 0644 "$build/libbynder.a" "$prefix/lib/libbynder.a"
install -m 0644 "$root/include/bynder.h" "$prefix/include/bynder.h"

fill() {
  sed -e "s|@PREFIX@|$prefix|g" -e "s|@VERSION@|$version|g" \
    -e "s|@VERSION_MAJOR@|${version%%.*}|g" -e "s|@VERSION_MINOR@|$(echo "$version" | cut -d. -f2)|g" \
    -e "s|@NATIVE_LIBS@|$native_libs|g" -e "s|@CMAKE_NATIVE_LIBS@|$cmake_native_libs|g" "$1" >"$2"
}
fill "$here/pkg/bynder.pc.in" "$prefix/lib/pkgconfig/bynder.pc"
fill "$here/pkg/bynder-static.pc.in" "$prefix/lib/pkgconfig/bynder-static.pc"
fill "$here/pkg/bynderConfig.cmake.in" "$prefix/lib/cmake/bynder/bynderConfig.cmake"
fill "$here/pkg/bynderConfigVersion.cmake.in" "$prefix/lib/cmake/bynder/bynderConfigVersion.cmake"
echo "installed libbynder $version ($profile) into $prefix"
