# Turns the text file INPUT into a C++ source OUTPUT defining sk::sample_config_text().
file(READ ${INPUT} content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
file(WRITE ${OUTPUT}.tmp
    "// Generated from config/stretch-kiosk.yaml by scripts/embed_text.cmake: do not edit.\n"
    "#include <string_view>\n"
    "namespace sk {\n"
    "namespace {\n"
    "constexpr char text[] = {${bytes} 0};\n"
    "}\n"
    "std::string_view sample_config_text() { return {text, sizeof text - 1}; }\n"
    "}  // namespace sk\n")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
