# Tests of the SDL front-end and of the program as a whole. Each part lists its own.
include(${CMAKE_CURRENT_LIST_DIR}/app_render_tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/app_io_tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/app_system_tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/app_main_tests.cmake)
