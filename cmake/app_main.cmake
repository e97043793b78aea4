# The kiosk loop and the command modes.
target_sources(sk_app PRIVATE
    ${PROJECT_SOURCE_DIR}/src/app/active_config.cpp
    ${PROJECT_SOURCE_DIR}/src/app/app_clock.cpp
    ${PROJECT_SOURCE_DIR}/src/app/cli_modes.cpp
    ${PROJECT_SOURCE_DIR}/src/app/config_source.cpp
    ${PROJECT_SOURCE_DIR}/src/app/config_watcher.cpp
    ${PROJECT_SOURCE_DIR}/src/app/display.cpp
    ${PROJECT_SOURCE_DIR}/src/app/kiosk.cpp
    ${PROJECT_SOURCE_DIR}/src/app/log.cpp
    ${PROJECT_SOURCE_DIR}/src/app/render_screens.cpp)
