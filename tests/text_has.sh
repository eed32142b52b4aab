# text_has TEXT NEEDLE: what grep -qF -- NEEDLE <<<TEXT answers, in the
# shell for a one-line NEEDLE (a process costs ~6 ms here, and the tests'
# checks and screen polls run thousands of times); a NEEDLE of several
# lines still goes to grep, which takes each line as a pattern.  Sourced by
# tests/cli/lib.sh and tests/tui/lib.sh.
text_has() {
  case $2 in
    *$'\n'*) grep -qF -- "$2" <<<"$1" ;;
    *) [[ $1 == *"$2"* ]] ;;
  esac
}
