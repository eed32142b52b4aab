# Numbers are read and written as in C whatever the user's locale: under
# de_DE.UTF-8 (a decimal comma) a target's value 9.5 is a number and is
# shown as 9.5, and Chinese text still lists.  The locale is compiled
# into the test's own directory (localedef, package locales).
. "$(dirname "$0")/lib.sh"

if ! command -v localedef >/dev/null || [ ! -e /usr/share/i18n/locales/de_DE ]; then
  echo "FAIL: localedef and the de_DE locale source are needed (apt-get install locales)" >&2
  exit 1
fi
mkdir -p "$T/loc"
localedef -i de_DE -f UTF-8 "$T/loc/de_DE.UTF-8" 2>/dev/null
[ -d "$T/loc/de_DE.UTF-8" ] || { echo "FAIL: localedef made no de_DE.UTF-8" >&2; exit 1; }
# the locale really has a decimal comma (else this test proves nothing)
[ "$(LOCPATH="$T/loc" LC_ALL=de_DE.UTF-8 env printf '%.1f' 9.5 2>/dev/null)" = "9,5" ] && pass \
  || fail "de_DE.UTF-8 writes 9.5 as 9,5"

export LOCPATH="$T/loc" LC_ALL=de_DE.UTF-8
run --db "$DB" progress 8.2 美丽乡村 9.5
expect_rc 0 "9.5 is a number under de_DE.UTF-8"
expect_out "8.2 新时代美丽乡村: — → 9.5/17个" "and is written 9.5"
run --db "$DB" show 8.2
expect_out "target: 新时代美丽乡村 9.5/17个" "show gives 9.5"
run --db "$DB" list
expect_out "持之以恒抓招商" "Chinese titles list under de_DE.UTF-8"
finish
