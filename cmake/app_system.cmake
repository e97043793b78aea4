# The appliance pieces of the front-end: sd_notify, screen power commands, --install-timers.
target_sources(sk_app PRIVATE
    ${PROJECT_SOURCE_DIR}/src/app/notify.cpp
    ${PROJECT_SOURCE_DIR}/src/app/power_command.cpp
    ${PROJECT_SOURCE_DIR}/src/app/timer_install.cpp)

# sd_notify from libsystemd when it is there; otherwise notify.cpp speaks the protocol itself.
set(SK_HAVE_LIBSYSTEMD OFF)
if(SK_WITH_SYSTEMD)
    pkg_check_modules(LIBSYSTEMD IMPORTED_TARGET libsystemd)
    if(LIBSYSTEMD_FOUND)
        set(SK_HAVE_LIBSYSTEMD ON)
        target_compile_definitions(sk_app PRIVATE SK_HAVE_LIBSYSTEMD=1)
        target_link_libraries(sk_app PRIVATE PkgConfig::LIBSYSTEMD)
    endif()
endif()
message(STATUS "sd_notify through libsystemd: ${SK_HAVE_LIBSYSTEMD}")
