#!/usr/bin/env bash
# build.sh - builds the example/test WASI programs of this directory.
#
#   *.c   -> clang --target=wasm32-wasi -O2 -s   -> examples/src/main/resources/wasm/NAME.wasm
#   *.wat -> wat2wasm                            -> examples/src/main/resources/wasm/NAME.wasm
#   cpubound.c -> gcc -O2 (native, for benchmarks) -> examples/target/native/cpubound  (not committed)
#
# Usage: build.sh [--native-only | --wasm-only]
#
# The output is deterministic: no debug info, no name or producers section, no
# timestamps or paths, so re-running with the same toolchain gives byte-identical
# .wasm files (the sha256 of each is printed to check). Built .wasm files are
# committed; run this script after changing a source.
#
# Toolchain (Debian 12): apt-get install -y clang lld wasi-libc libclang-rt-dev-wasm32 wabt gcc
set -euo pipefail
export LC_ALL=C

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; }

mode=all
case "${1:-}" in
  "") ;;
  --native-only) mode=native ;;
  --wasm-only) mode=wasm ;;
  -h|--help) usage; exit 0 ;;
  *) echo "build.sh: unknown option '$1'" >&2; usage >&2; exit 64 ;;
esac

SRC_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EXAMPLES_DIR="$(cd "$SRC_DIR/../../.." && pwd)"
OUT_DIR="$EXAMPLES_DIR/src/main/resources/wasm"
NATIVE_DIR="$EXAMPLES_DIR/target/native"

C_PROGRAMS=(wordcount echo clockrand write_input membomb cpubound readlist mandelbrot)
WAT_PROGRAMS=(trap loop trivial)

CC_WASM="${CC_WASM:-clang}"
CC_NATIVE="${CC_NATIVE:-gcc}"
CFLAGS_WARN=(-Wall -Wextra)

missing=()
need() { # need TOOL DEBIAN-PACKAGE
  command -v "$1" >/dev/null 2>&1 || missing+=("$1 (Debian package: $2)")
}

if [[ $mode != native ]]; then
  need "$CC_WASM" clang
  need wasm-ld lld
  need wat2wasm wabt
  if [[ ! -f /usr/include/wasm32-wasi/stdio.h ]] && \
     ! echo '#include <stdio.h>' | "$CC_WASM" --target=wasm32-wasi -E -x c - >/dev/null 2>&1; then
    missing+=("wasi-libc headers/libc for wasm32-wasi (Debian package: wasi-libc)")
  fi
  if command -v "$CC_WASM" >/dev/null 2>&1; then
    rt="$("$CC_WASM" --target=wasm32-wasi -print-libgcc-file-name 2>/dev/null || true)"
    if [[ -z "$rt" || ! -f "$rt" ]]; then
      missing+=("compiler-rt builtins for wasm32 ${rt:+($rt) }(Debian package: libclang-rt-dev-wasm32)")
    fi
  fi
fi
if [[ $mode != wasm ]]; then
  need "$CC_NATIVE" gcc
fi
if ((${#missing[@]})); then
  echo "build.sh: missing tools:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  echo "Install them with: apt-get install -y clang lld wasi-libc libclang-rt-dev-wasm32 wabt gcc" >&2
  exit 1
fi

built=()

if [[ $mode != native ]]; then
  mkdir -p "$OUT_DIR"
  for p in "${C_PROGRAMS[@]}"; do
    echo "clang  $p.c -> $p.wasm"
    "$CC_WASM" --target=wasm32-wasi -O2 -s "${CFLAGS_WARN[@]}" -o "$OUT_DIR/$p.wasm.tmp" "$SRC_DIR/$p.c"
    mv -f "$OUT_DIR/$p.wasm.tmp" "$OUT_DIR/$p.wasm"
    built+=("$OUT_DIR/$p.wasm")
  done
  for p in "${WAT_PROGRAMS[@]}"; do
    echo "wat2wasm $p.wat -> $p.wasm"
    wat2wasm -o "$OUT_DIR/$p.wasm.tmp" "$SRC_DIR/$p.wat"
    mv -f "$OUT_DIR/$p.wasm.tmp" "$OUT_DIR/$p.wasm"
    built+=("$OUT_DIR/$p.wasm")
  done

  # .wasm files are data, not executables: same mode whichever tool wrote them
  chmod 0644 "${built[@]}"

  # every import must come from WASI preview 1
  if command -v wasm-objdump >/dev/null 2>&1; then
    for f in "${built[@]}"; do
      bad="$(wasm-objdump -x -j Import "$f" 2>/dev/null | sed -n 's/.* <- \([^.]*\)\..*/\1/p' | grep -vx wasi_snapshot_preview1 || true)"
      if [[ -n "$bad" ]]; then
        echo "build.sh: $(basename "$f") imports from non-WASI modules: $bad" >&2
        exit 1
      fi
    done
  fi
fi

if [[ $mode != wasm ]]; then
  mkdir -p "$NATIVE_DIR"
  echo "$CC_NATIVE  cpubound.c -> target/native/cpubound"
  "$CC_NATIVE" -O2 "${CFLAGS_WARN[@]}" -o "$NATIVE_DIR/cpubound" "$SRC_DIR/cpubound.c"
  built+=("$NATIVE_DIR/cpubound")
fi

echo
printf '%9s  %-64s  %s\n' bytes sha256 file
for f in "${built[@]}"; do
  printf '%9s  %-64s  %s\n' "$(wc -c <"$f" | tr -d ' ')" "$(sha256sum "$f" | cut -d' ' -f1)" "${f#"$EXAMPLES_DIR"/}"
done
