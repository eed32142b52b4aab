# Every C source is clang-format clean (the project's .clang-format).
# SQL literals carry "clang-format off" so they keep one clause a line.
set -u
cd "${DUBAN_SRC:?}"
command -v clang-format >/dev/null || { echo "clang-format is not installed (scripts/deps.sh)"; exit 1; }
mapfile -t files < <(find core tui tests bench -name '*.[ch]' | sort)
clang-format --dry-run -Werror "${files[@]}"
