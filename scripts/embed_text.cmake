# Turns the text file INPUT into a C++ source OUTPUT defining std::string_view sk::SYMBOL()
# (SYMBOL defaults to sample_config_text, for config/stretch-kiosk.yaml).
if(NOT SYMBOL)
    set(SYMBOL sample_config_text)
endif()
get_filename_component(name ${INPUT} NAME)
file(READ ${INPUT} content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
file(WRITE ${OUTPUT}.tmp
    "// Generated from ${name} by scripts/embed_text.cmake: do not edit.\n"
    "#include <string_view>\n"
    "namespace sk {\n"
    "namespace {\n"
    "constexpr char text[] = {${bytes} 0};\n"
    "}\n"
    "std::string_view ${SYMBOL}() { return {text, sizeof text - 1}; }\n"
    "}  // namespace sk\n")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
