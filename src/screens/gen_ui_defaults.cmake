# Turns the [ui.en] and [ui.ja] tables of the bundled manifest (content_pack/collection.toml) into
# a C++ table, so the kiosk ships the exhibit's UI strings as its defaults and they are written in
# one place. Lines are `"key" = "value"`; TOML's basic-string escapes (\" \\ \n \uXXXX) are also C++
# escapes, so a value is copied as it is. Run with -DIN=<toml> -DOUT=<inc>.
file(STRINGS "${IN}" lines ENCODING UTF-8)
set(lang "")
set(body "")
foreach(line IN LISTS lines)
  if(line MATCHES "^\\[ui\\.([a-z]+)\\]$")
    set(lang "${CMAKE_MATCH_1}")
  elseif(line MATCHES "^\\[")
    set(lang "")
  elseif(NOT lang STREQUAL "" AND line MATCHES "^\"([^\"]+)\" = (\".*\")$")
    string(APPEND body "    { \"${lang}\", \"${CMAKE_MATCH_1}\", ${CMAKE_MATCH_2} },\n")
  elseif(NOT lang STREQUAL "" AND NOT line MATCHES "^(#.*)?$")
    message(FATAL_ERROR "${IN}: a [ui.${lang}] line this generator does not read: ${line}")
  endif()
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from content_pack/collection.toml by gen_ui_defaults.cmake; do not edit.\n${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
