# Tests of the appliance pieces: sd_notify, screen power commands, --install-timers.
foreach(name test_notify test_power_command test_timer_install)
    add_executable(${name} ${CMAKE_CURRENT_LIST_DIR}/${name}.cpp)
    target_link_libraries(${name} PRIVATE sk_test_main sk_options sk_app)
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "SK_SOURCE_DIR=${PROJECT_SOURCE_DIR};SK_TEST_DATA=${CMAKE_CURRENT_LIST_DIR}/data"
        TIMEOUT 120)
endforeach()
