# What every start of duban loads: not libxlsxwriter or libzip (and the
# libcrypto each brings, ~1.6 ms of relocations), which core opens when
# an XLSX is first written or read (core/base/dynlib.h).  Checked on the
# built executable's dynamic section and on the libraries ldd resolves.
set -u
exe="${DUBAN_BUILD:?}/tui/duban"
[ -x "$exe" ] || { echo "start_libs: no executable at $exe"; exit 1; }
command -v readelf >/dev/null || { echo "start_libs: readelf is needed"; exit 1; }
needed=$(readelf -d "$exe" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] || { echo "start_libs: readelf found no NEEDED entry in $exe"; exit 1; }
loaded=$(ldd "$exe" 2>/dev/null | awk '{print $1}')
status=0
for lib in libxlsxwriter libzip libcrypto libssl; do
  if printf '%s\n%s\n' "$needed" "$loaded" | grep -q "^$lib\.so"; then
    echo "start_libs: $exe loads $lib at every start"
    status=1
  fi
done
exit $status
