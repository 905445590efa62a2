#!/usr/bin/env bash
# Runs every unit test (*.test.ts next to the code) with Node's test runner. No services needed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.test.ts' '*.test.tsx' \
  | grep -v -e '^e2e/' -e '^node_modules/' | sort)
if [ ${#files[@]} -eq 0 ]; then echo "no unit tests found" >&2; exit 1; fi
exec node --import tsx --test --test-reporter=spec "${files[@]}"
