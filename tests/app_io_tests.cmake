# Sound and input tests. SDL runs headless: no window, and a sound device that plays to nowhere
# (the tests switch to other drivers themselves where they need to).
foreach(name test_tone_synth test_audio test_input test_gamepads)
    add_executable(${name} ${name}.cpp)
    target_link_libraries(${name} PRIVATE sk_test_main sk_app)
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "SK_SOURCE_DIR=${PROJECT_SOURCE_DIR};SK_TEST_DATA=${CMAKE_CURRENT_SOURCE_DIR}/data;SDL_VIDEODRIVER=offscreen;SDL_AUDIODRIVER=dummy"
        TIMEOUT 300)
endforeach()
