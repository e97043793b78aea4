# Install rules and the Debian package (CPack DEB). Paths come from GNUInstallDirs.
#   cmake --install build [--prefix /usr]      DESTDIR=... works as usual
#   cpack --config build/CPackConfig.cmake     or scripts/build-deb.sh

# The program looks for /etc/stretch-kiosk/config.yaml whatever the prefix, and systemd's
# ConfigurationDirectory=stretch-kiosk is that same directory.
set(SK_CONFIG_DIR /etc/stretch-kiosk)
set(SK_CONFIG_FILE ${SK_CONFIG_DIR}/config.yaml)
set(SK_DOC_DIR ${CMAKE_INSTALL_FULL_DOCDIR})

# systemd's unit directories: the distribution's own (pkg-config systemd) for prefix /usr; under
# the prefix otherwise (systemd also reads /usr/local/lib/systemd/{system,user}).
function(sk_systemd_dir variable pkg_config_name fallback)
    if(NOT ${variable})
        set(dir "${CMAKE_INSTALL_PREFIX}/${fallback}")
        if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
            find_program(SK_PKG_CONFIG pkg-config)
            if(SK_PKG_CONFIG)
                execute_process(COMMAND ${SK_PKG_CONFIG} systemd --variable=${pkg_config_name}
                                OUTPUT_VARIABLE found OUTPUT_STRIP_TRAILING_WHITESPACE
                                RESULT_VARIABLE status ERROR_QUIET)
                if(status EQUAL 0 AND found)
                    set(dir "${found}")
                endif()
            endif()
        endif()
        set(${variable} "${dir}" PARENT_SCOPE)
    endif()
endfunction()
set(SK_SYSTEMD_SYSTEM_UNIT_DIR "" CACHE PATH "Where system units go (empty: ask pkg-config)")
set(SK_SYSTEMD_USER_UNIT_DIR "" CACHE PATH "Where user units go (empty: ask pkg-config)")
sk_systemd_dir(SK_SYSTEMD_SYSTEM_UNIT_DIR systemdsystemunitdir lib/systemd/system)
sk_systemd_dir(SK_SYSTEMD_USER_UNIT_DIR systemduserunitdir lib/systemd/user)
message(STATUS "systemd units: ${SK_SYSTEMD_SYSTEM_UNIT_DIR}, ${SK_SYSTEMD_USER_UNIT_DIR}")

set(SK_UNIT_BUILD_DIR ${PROJECT_BINARY_DIR}/systemd)
set(SK_AUTOSTART_DIR ${CMAKE_INSTALL_DATADIR}/stretch-kiosk/autostart)
set(SK_AUTOSTART_FILE ${CMAKE_INSTALL_FULL_DATADIR}/stretch-kiosk/autostart/stretch-kiosk.desktop)
configure_file(${PROJECT_SOURCE_DIR}/systemd/stretch-kiosk.service.in
               ${SK_UNIT_BUILD_DIR}/stretch-kiosk.service @ONLY)
configure_file(${PROJECT_SOURCE_DIR}/systemd/stretch-kiosk-user.service.in
               ${SK_UNIT_BUILD_DIR}/stretch-kiosk-user.service @ONLY)
configure_file(${PROJECT_SOURCE_DIR}/desktop/stretch-kiosk.desktop.in
               ${PROJECT_BINARY_DIR}/desktop/stretch-kiosk.desktop @ONLY)

# The man pages and the Debian changelog, compressed as Debian wants them (gzip -9n: no name or
# time inside, so the same text gives the same bytes).
set(SK_DEBIAN_DIR ${PROJECT_SOURCE_DIR}/cmake/debian)
file(STRINGS ${SK_DEBIAN_DIR}/changelog sk_changelog_head LIMIT_COUNT 1)
if(NOT sk_changelog_head MATCHES "^stretch-kiosk \\(${PROJECT_VERSION}\\) ")
    message(FATAL_ERROR "cmake/debian/changelog starts with '${sk_changelog_head}': add an entry "
                        "for version ${PROJECT_VERSION} at the top")
endif()
set(SK_COMPRESSED "")
foreach(source docs/stretch-kiosk.1 docs/stretch-kiosk.yaml.5 cmake/debian/changelog)
    get_filename_component(name ${source} NAME)
    set(output ${PROJECT_BINARY_DIR}/compressed/${name}.gz)
    add_custom_command(OUTPUT ${output}
                       COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/${source} > ${output}
                       DEPENDS ${PROJECT_SOURCE_DIR}/${source}
                       COMMENT "Compressing ${source}")
    list(APPEND SK_COMPRESSED ${output})
endforeach()
file(MAKE_DIRECTORY ${PROJECT_BINARY_DIR}/compressed)
add_custom_target(sk_compressed_docs ALL DEPENDS ${SK_COMPRESSED})
add_dependencies(stretch-kiosk sk_compressed_docs)

install(TARGETS stretch-kiosk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The screen program is started by stretch-kiosk, never by hand: it goes where such programs go
# (src/app/CMakeLists.txt compiles this place into stretch-kiosk, relative to its own).
install(TARGETS ${SK_SCREEN_PROGRAM} RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/stretch-kiosk)
install(FILES ${SK_UNIT_BUILD_DIR}/stretch-kiosk.service
        DESTINATION ${SK_SYSTEMD_SYSTEM_UNIT_DIR})
install(FILES ${SK_UNIT_BUILD_DIR}/stretch-kiosk-user.service
        DESTINATION ${SK_SYSTEMD_USER_UNIT_DIR})
install(FILES ${SK_SAMPLE_CONFIG} DESTINATION ${CMAKE_INSTALL_DATADIR}/stretch-kiosk
        RENAME config.yaml.sample)
# The same sample in German (language: de, the stretches in German), to copy over the config.
install(FILES ${PROJECT_SOURCE_DIR}/config/stretch-kiosk.de.yaml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/stretch-kiosk RENAME config.de.yaml.sample)
install(FILES ${PROJECT_BINARY_DIR}/desktop/stretch-kiosk.desktop DESTINATION ${SK_AUTOSTART_DIR})
install(FILES ${PROJECT_SOURCE_DIR}/docs/raspberry-pi.md ${SK_DEBIAN_DIR}/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_BINARY_DIR}/compressed/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_BINARY_DIR}/compressed/stretch-kiosk.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_BINARY_DIR}/compressed/stretch-kiosk.yaml.5.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man5)
file(GLOB_RECURSE SK_ASSET_FILES LIST_DIRECTORIES false ${PROJECT_SOURCE_DIR}/assets/*)
list(FILTER SK_ASSET_FILES EXCLUDE REGEX "/README\\.md$")
if(SK_ASSET_FILES)
    # assets/README.md is for whoever adds an asset; it is no user documentation.
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/
            DESTINATION ${CMAKE_INSTALL_DATADIR}/stretch-kiosk/assets PATTERN README.md EXCLUDE)
endif()

# The config the user edits: installed once, never overwritten by a later install. (In the .deb
# it is a conffile, so dpkg asks before replacing a changed one.)
install(CODE "
    set(sk_config \"\$ENV{DESTDIR}${SK_CONFIG_FILE}\")
    if(EXISTS \"\${sk_config}\")
        message(STATUS \"Keeping: \${sk_config}\")
    else()
        file(INSTALL DESTINATION \"${SK_CONFIG_DIR}\" TYPE FILE
             PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
             RENAME config.yaml FILES \"${SK_SAMPLE_CONFIG}\")
    endif()
")

# --- The Debian package ---
set(SK_PACKAGE_MAINTAINER "stretch-kiosk maintainers <maintainers@stretch-kiosk.invalid>"
    CACHE STRING "The Maintainer: field of the .deb")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME stretch-kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# The units were filled in with this prefix at configure time: package what they point at.
# scripts/build-deb.sh configures with -DCMAKE_INSTALL_PREFIX=/usr.
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "wall display that coaches hamstring stretches twice a day")
set(CPACK_PACKAGE_DESCRIPTION
    "stretch-kiosk runs fullscreen on a Raspberry Pi-class computer, often behind a
two-way mirror. It reads the schedule and the routines from one YAML file,
counts each hold in digits you can read from across the room, and is worked
with one button. It runs as a systemd service on the bare console (KMS/DRM)
or in a desktop session, or starts one session at a time from systemd timers.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SK_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Libraries come from dpkg-shlibdeps (package dpkg-dev); these are used without being linked.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# SDL's KMS/DRM driver always draws through EGL and OpenGL ES (it has no software framebuffer),
# and SDL loads those at run time, so dpkg-shlibdeps cannot see them: libegl1 and libgles2 (the
# GLVND loaders; libegl1 brings Mesa's EGL) and libgl1-mesa-dri (Mesa's drivers: v3d and vc4 on a
# Pi, llvmpipe anywhere). The same names on Debian 12 and Raspberry Pi OS bookworm.
# sensible-utils: --edit's fallback editor, sensible-editor.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "fonts-dejavu-core, tzdata, sensible-utils, libegl1, libgles2, libgl1-mesa-dri")
if(SK_HAVE_VOICE)
    # dpkg-shlibdeps finds libespeak-ng1; the voices and dictionaries it reads are a data package.
    string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", espeak-ng-data")
endif()
# Fonts for text in other scripts, found by character at run time (app/fonts/font_fallback):
# fonts-noto-core has most of the world's scripts, fonts-droid-fallback Chinese and Japanese in
# 7 MB (fonts-noto-cjk, 90 MB, is the better alternative where space allows).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "systemd, fonts-noto-core, fonts-droid-fallback | fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "v4l-utils")  # cec-ctl, to switch a screen off over HDMI-CEC
# postinst never enables the kiosk (it takes over tty1): see cmake/debian/postinst.
file(WRITE ${PROJECT_BINARY_DIR}/debian/conffiles "${SK_CONFIG_FILE}\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${PROJECT_BINARY_DIR}/debian/conffiles;${SK_DEBIAN_DIR}/postinst;${SK_DEBIAN_DIR}/prerm;${SK_DEBIAN_DIR}/postrm")
# Control files get the modes Debian policy wants, whatever the checkout's umask.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The program without its symbols (they are for a debug build, not the package).
set(CPACK_STRIP_FILES ON)
include(CPack)
