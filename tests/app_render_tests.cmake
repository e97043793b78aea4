# Render tests: headless, with SDL's software renderer drawing into a surface.
foreach(name test_render test_layout)
    add_executable(${name} ${CMAKE_CURRENT_LIST_DIR}/${name}.cpp)
    target_link_libraries(${name} PRIVATE sk_test_main sk_options sk_app)
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "SDL_VIDEODRIVER=offscreen;SDL_AUDIODRIVER=dummy;SK_SOURCE_DIR=${PROJECT_SOURCE_DIR};SK_TEST_DATA=${CMAKE_CURRENT_LIST_DIR}/data"
        TIMEOUT 300)
endforeach()
# The PNG test reads its output back with zlib.
target_link_libraries(test_render PRIVATE ZLIB::ZLIB)
