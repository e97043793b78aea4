# The program as a whole: its command line, and a session driven through a real X server.
add_test(NAME cli COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli_test.sh $<TARGET_FILE:stretch-kiosk>
                          ${PROJECT_SOURCE_DIR})
set_tests_properties(cli PROPERTIES ENVIRONMENT "SDL_AUDIODRIVER=dummy" TIMEOUT 120)

add_test(NAME e2e_session COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/e2e_session.sh
                                  $<TARGET_FILE:stretch-kiosk>)
# Under a real (virtual) X server: not the offscreen driver the other tests use.
set_tests_properties(e2e_session PROPERTIES ENVIRONMENT "SDL_VIDEODRIVER=x11" SKIP_RETURN_CODE 77
                                            TIMEOUT 120 RUN_SERIAL TRUE)

add_test(NAME check_shipped_configs
         COMMAND sh -c "for f in '${PROJECT_SOURCE_DIR}'/config/*.yaml; do '$<TARGET_FILE:stretch-kiosk>' --check --config \"$f\" || exit 1; done")

if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/next_vs_systemd.sh)
    add_test(NAME next_vs_systemd COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/next_vs_systemd.sh
                                          $<TARGET_FILE:stretch-kiosk>)
    set_tests_properties(next_vs_systemd PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()

# systemd's notify protocol end to end: READY=1, watchdog pings, silence while hung.
add_executable(notify_listener notify_listener.cpp)
target_link_libraries(notify_listener PRIVATE sk_options)
add_test(NAME e2e_notify COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/e2e_notify.sh
                                 $<TARGET_FILE:stretch-kiosk> $<TARGET_FILE:notify_listener>
                                 ${PROJECT_SOURCE_DIR}/config/stretch-kiosk.yaml)
set_tests_properties(e2e_notify PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120 RUN_SERIAL TRUE)
