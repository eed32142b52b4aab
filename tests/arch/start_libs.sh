# What every start of duban loads: not libxlsxwriter or libzip (and the
# libcrypto each brings, ~1.6 ms of relocations), which core opens when
# an XLSX is first written or read (core/base/dynlib.h); and, in a build
# with DUBAN_STATIC_LIBS (cmake/static_deps.cmake), none of the libraries
# whose archive it found.  Checked on the built executable's dynamic
# section and on the libraries ldd resolves.
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
cache="$DUBAN_BUILD/CMakeCache.txt"
if grep -q '^DUBAN_STATIC_LIBS:BOOL=ON' "$cache" 2>/dev/null; then
  for a in sqlite3 ncursesw tinfo expat iniparser; do
    if grep -q "^DUBAN_ARCHIVE_$a:FILEPATH=/" "$cache" &&
      printf '%s\n' "$needed" | grep -q "^lib$a\.so"; then
      echo "start_libs: $exe loads lib$a.so, though DUBAN_STATIC_LIBS found its archive"
      status=1
    fi
  done
fi
exit $status
