# The HTML minutes and 通报 in a real browser: headless Chromium prints them
# to PDF; the pages are A4, numbered by the page's own CSS (第 N 页 / 共 M
# 页; Chromium's header and footer are off), and every cell's text is on
# a page (a long note is printed whole).  Chromium and pdfinfo come from
# scripts/deps.sh; without them the test says so and passes.
. "$(dirname "$0")/lib.sh"
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ] || ! command -v pdfinfo >/dev/null || ! command -v pdftotext >/dev/null; then
  echo "SKIP: chromium or poppler-utils missing (scripts/deps.sh installs them)"
  exit 0
fi
. "$DUBAN_SRC/tests/golden/meeting-scenario.bash"
long=$(printf '长进展说明%.0s' $(seq 1 40))
scenario_step meeting start 第四次推进会 --attendees "王县长、李副县长、各责任单位负责人"
scenario_step note 3.1 "$long"
for r in 1.1 1.2 1.3 2.1 2.2 2.3 4.2 4.3 6.2 6.3 7.1 7.3 8.1 8.3; do
  scenario_step note "$r" "第二次调度：按计划推进，${r} 已完成阶段性目标"
done
printf '[general]\nissuer = 县委县政府督查室\n' >"$T/issuer.ini"
scenario_step --config "$T/issuer.ini" meeting end # frozen with its 落款
"$DUBAN" --config "$T/issuer.ini" --db "$DB" minutes 3 --format html >"$T/minutes.html" || fail "minutes html"
"$DUBAN" --config "$T/issuer.ini" --db "$DB" report --by unit --format html >"$T/report.html" || fail "report html"

pdf() { # NAME: $T/NAME.html -> $T/NAME.pdf
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$T/chrome-$1" --no-pdf-header-footer --print-to-pdf-no-header \
    --print-to-pdf="$T/$1.pdf" "file://$T/$1.html" >"$T/chrome-$1.log" 2>&1
  [ -s "$T/$1.pdf" ] && pass || fail "$1: no PDF: $(tail -5 "$T/chrome-$1.log")"
}
for name in minutes report; do
  pdf "$name"
  info=$(pdfinfo "$T/$name.pdf" 2>&1)
  grep -q 'Page size: .*(A4)' <<<"$info" && pass || fail "$name: not A4: $info"
  pages=$(sed -n 's/^Pages: *//p' <<<"$info")
  [ "${pages:-0}" -ge 1 ] && pass || fail "$name: no pages"
  text=$(pdftotext -raw "$T/$name.pdf" - 2>/dev/null | tr -d ' ')
  grep -q "第1页/共${pages}页" <<<"$text" && pass || fail "$name: no page numbers"$'\n'"$(head -5 <<<"$text")"
  grep -q "县委县政府督查室" <<<"$text" && pass || fail "$name: no 落款"
  # nothing is cut at the right edge: every page's text stays within the page
  w=$(pdftotext -bbox "$T/$name.pdf" - 2>/dev/null | sed -n 's/.*xMax="\([0-9.]*\)".*/\1/p' | sort -n | tail -1)
  awk -v w="${w:-0}" 'BEGIN { exit !(w > 0 && w <= 595.3) }' && pass || fail "$name: text beyond the page (xMax $w)"
done
# the long note is there whole (wrapped, not cut)
tr -d ' \n' < <(pdftotext -raw "$T/minutes.pdf" - 2>/dev/null) | grep -qF "$long" && pass \
  || fail "the long note is not printed whole"
finish
