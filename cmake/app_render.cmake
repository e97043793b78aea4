# The renderer: SDL handles, fonts, text, layout, colours, drawing, and PNG output.
# zlib (for PNG) comes with SDL2_ttf's FreeType on Debian, but is named here as the dependency.
find_package(ZLIB REQUIRED)
target_sources(sk_app PRIVATE
    ${PROJECT_SOURCE_DIR}/src/app/box.cpp
    ${PROJECT_SOURCE_DIR}/src/app/font_locator.cpp
    ${PROJECT_SOURCE_DIR}/src/app/layout.cpp
    ${PROJECT_SOURCE_DIR}/src/app/palette.cpp
    ${PROJECT_SOURCE_DIR}/src/app/part_painter.cpp
    ${PROJECT_SOURCE_DIR}/src/app/png_writer.cpp
    ${PROJECT_SOURCE_DIR}/src/app/renderer.cpp
    ${PROJECT_SOURCE_DIR}/src/app/seven_segment.cpp
    ${PROJECT_SOURCE_DIR}/src/app/text_cache.cpp
    ${PROJECT_SOURCE_DIR}/src/app/text_estimate.cpp
    ${PROJECT_SOURCE_DIR}/src/app/text_fit.cpp)
target_link_libraries(sk_app PRIVATE ZLIB::ZLIB)
