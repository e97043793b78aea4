# The SDL front-end: a library of everything but main() (so render tests can link it), and the program.
find_package(SDL2 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SDL2_TTF REQUIRED IMPORTED_TARGET SDL2_ttf)
pkg_check_modules(SDL2_MIXER REQUIRED IMPORTED_TARGET SDL2_mixer)
pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)

add_library(sk_app STATIC)
target_include_directories(sk_app PUBLIC ${PROJECT_SOURCE_DIR}/src/app)
target_link_libraries(sk_app PUBLIC stretch_core sk_options SDL2::SDL2 PkgConfig::SDL2_TTF
                                    PkgConfig::SDL2_MIXER PkgConfig::FONTCONFIG Threads::Threads)

# Each part of the front-end lists its own sources.
include(${CMAKE_CURRENT_LIST_DIR}/app_render.cmake)  # window, text, layout, drawing
include(${CMAKE_CURRENT_LIST_DIR}/app_io.cmake)      # sound and input
include(${CMAKE_CURRENT_LIST_DIR}/app_system.cmake)  # sd_notify, screen power, timers
include(${CMAKE_CURRENT_LIST_DIR}/app_main.cmake)    # the kiosk loop and command modes

add_executable(stretch-kiosk src/app/main.cpp)
target_link_libraries(stretch-kiosk PRIVATE sk_app)

include(${CMAKE_CURRENT_LIST_DIR}/install.cmake)
