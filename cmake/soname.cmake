# duban_soname(VAR LIBNAME DIRS) sets VAR to the SONAME of the shared
# library LIBNAME found in DIRS (e.g. "libxlsxwriter.so.4"): what core
# dlopen()s when it first needs the library (core/base/dynlib.h), so the
# running program asks for the same ABI it was compiled against.
function(duban_soname var libname dirs)
  find_library(_lib_${var} NAMES ${libname} HINTS ${dirs} REQUIRED)
  if(NOT CMAKE_OBJDUMP)
    message(FATAL_ERROR "objdump is needed to read the SONAME of ${_lib_${var}}")
  endif()
  execute_process(COMMAND ${CMAKE_OBJDUMP} -p ${_lib_${var}} OUTPUT_VARIABLE _dump
                  RESULT_VARIABLE _rc)
  string(REGEX MATCH "SONAME +([^ \n]+)" _match "${_dump}")
  if(NOT _rc EQUAL 0 OR NOT CMAKE_MATCH_1)
    message(FATAL_ERROR "cannot read the SONAME of ${_lib_${var}}")
  endif()
  set(${var} ${CMAKE_MATCH_1} PARENT_SCOPE)
  message(STATUS "${libname}: opened on first use as ${CMAKE_MATCH_1}")
endfunction()
