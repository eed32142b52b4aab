# static_deps.cmake - the libraries every duban process links, as targets
# duban_sqlite3, duban_curses, duban_expat and duban_iniparser.
#
# With DUBAN_STATIC_LIBS (the default) they are linked from the archives
# Debian's -dev packages ship: each shared library costs every start
# ~0.2 ms here (its mapping, relocations and symbol lookups) and duban
# starts once a command (`duban --version` 4.9 -> 3.9 ms, the front end's
# first frame alike; bench/RESULTS.md).  Where an archive is missing, or
# with -DDUBAN_STATIC_LIBS=OFF (a distribution's package), the shared
# library.  Every target that calls SQLite links duban_sqlite3: one copy
# of SQLite in a process (two would not see each other's POSIX locks).
option(DUBAN_STATIC_LIBS "Link SQLite, ncurses, iniparser and expat from their static archives" ON)
find_package(Threads REQUIRED)

# duban_dep(NAME SHARED_TARGET_OR_LIB ARCHIVE... [EXTRA libs]): target NAME
function(duban_dep name shared)
  cmake_parse_arguments(D "" "" "ARCHIVES;EXTRA" ${ARGN})
  add_library(${name} INTERFACE)
  set(found TRUE)
  set(paths "")
  foreach(a IN LISTS D_ARCHIVES)
    find_library(DUBAN_ARCHIVE_${a} NAMES lib${a}.a)
    if(NOT DUBAN_ARCHIVE_${a})
      set(found FALSE)
    endif()
    list(APPEND paths ${DUBAN_ARCHIVE_${a}})
  endforeach()
  if(DUBAN_STATIC_LIBS AND found)
    target_link_libraries(${name} INTERFACE ${paths} ${D_EXTRA})
    if(TARGET ${shared}) # its headers' path and flags (ncursesw's -D_GNU_SOURCE)
      target_include_directories(${name} INTERFACE
                                 $<TARGET_PROPERTY:${shared},INTERFACE_INCLUDE_DIRECTORIES>)
      target_compile_options(${name} INTERFACE
                             $<TARGET_PROPERTY:${shared},INTERFACE_COMPILE_OPTIONS>)
      target_compile_definitions(${name} INTERFACE
                                 $<TARGET_PROPERTY:${shared},INTERFACE_COMPILE_DEFINITIONS>)
    endif()
    message(STATUS "${name}: static (${paths})")
  else()
    target_link_libraries(${name} INTERFACE ${shared})
    message(STATUS "${name}: shared")
  endif()
endfunction()

duban_dep(duban_sqlite3 PkgConfig::SQLITE3 ARCHIVES sqlite3 EXTRA m Threads::Threads
          ${CMAKE_DL_LIBS})
duban_dep(duban_curses PkgConfig::NCURSESW ARCHIVES ncursesw tinfo)
duban_dep(duban_expat PkgConfig::EXPAT ARCHIVES expat)
duban_dep(duban_iniparser ${INIPARSER_LIBRARY} ARCHIVES iniparser)
