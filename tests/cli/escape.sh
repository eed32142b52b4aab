# Text from a plan or from people never reaches a terminal, a Markdown
# renderer or a JSON reader raw: the report's title (report, present
# without a terminal), HTML in every Markdown output, C1 and bidi controls
# in JSON.
. "$(dirname "$0")/lib.sh"

ESC=$'\033' BEL=$'\a' NEL=$'\xc2\x85' RLO=$'\xe2\x80\xae' LRI=$'\xe2\x81\xa6'
printf '%s\n' --- "title: 2022年${ESC}]52;c;aGk=${BEL}重点${ESC}[2J工作<b>&</b>" "year: 2022" --- \
  '一、扎实推进<script>alert(1)</script>' \
  "（一）加快项目建设${NEL}${RLO}${LRI}。全年新开工项目30个，6月底前完成。" >"$T/hostile.txt"
run --db "$DB" import "$T/hostile.txt" --year 2022
expect_rc 0 "import a plan with a hostile title"
run --db "$DB" note 1.1 '<img src=x onerror=alert(1)> & 进展'
expect_rc 0 "a note with HTML"

raw_free() { # $1: what; checks $out has no ESC, BEL, C1 or bidi control
  if grep -q $'[\033\a]' <<<"$out" || grep -qF -e "$NEL" -e "$RLO" -e "$LRI" <<<"$out"; then
    fail "$1: raw control in output: $(cat -v <<<"$out" | head -5)"
  else pass; fi
}

# 1. the report's heading (and present without a terminal) sanitise the title
for by in area unit leader; do
  for f in text md csv json; do
    run --db "$DB" report --by "$by" --format "$f"
    expect_rc 0 "report --by $by --format $f"
    raw_free "report --by $by --format $f"
  done
done
run --db "$DB" report
expect_out "^[]52;c;aGk=^G" "the title's escape sequence shown as text"
run --db "$DB" present </dev/null
expect_rc 0 "present without a terminal"
raw_free "present without a terminal"
expect_out "^[[2J" "present shows the sequence as text"

# 2. Markdown: no raw HTML from data in any md output
md_clean() { # $1: what
  if grep -qE '<(script|img|b)' <<<"$out"; then fail "$1: raw HTML in Markdown: $out"; else pass; fi
}
for c in list overdue history search plans "show 1.1" "show 1" "report" "report --by unit" \
  "meeting list" changes; do
  # shellcheck disable=SC2086
  run --db "$DB" --format md $c $([ "$c" = search ] && echo 扎实)
  md_clean "$c --format md"
  raw_free "$c --format md"
done
run --db "$DB" --format md list
expect_out "扎实推进&lt;script&gt;alert(1)&lt;/script&gt;" "list md escapes the area title"
run --db "$DB" --format md show 1.1
expect_out "&lt;img src=x onerror=alert(1)&gt; &amp; 进展" "show md escapes the note"
run --db "$DB" --format md report
expect_out "工作&lt;b&gt;&amp;&lt;/b&gt;" "report md escapes the title"
run --db "$DB" meeting start '会<i>议</i>'
expect_rc 0 "meeting with HTML in its title"
run --db "$DB" note 1.1 '<script>steal()</script>'
run --db "$DB" minutes --format md
expect_rc 0 "minutes md"
md_clean "minutes --format md"
if grep -qE '<(i|script)>' <<<"$out"; then fail "minutes md: raw HTML"; else pass; fi
expect_out "# 会&lt;i&gt;议&lt;/i&gt; 会议纪要" "minutes md escapes its heading"
expect_out "&lt;script&gt;steal()&lt;/script&gt;" "minutes md escapes a note in a table"

# 3. JSON: C1 and bidi controls as \uXXXX
run --db "$DB" --format json show 1.1
expect_rc 0 "show json"
raw_free "show json"
expect_out '\u0085\u202e\u2066' "C1, RLO and LRI escaped in JSON"
for c in list history plans "search 加快" overdue changes "meeting list" report; do
  # shellcheck disable=SC2086
  run --db "$DB" --format json $c
  raw_free "$c --format json"
  # Debian's python3 (scripts/deps.sh), not whatever python3 PATH finds first
  /usr/bin/python3 -c 'import json,sys; json.load(sys.stdin)' <<<"$out" && pass || fail "$c: JSON invalid"
done
finish
