# Parts: each folder under src/ is one part, built as one static library.
#
#   sk_part(core/schedule SOURCES schedule.cpp planner.cpp USES core/model core/time)
#
# makes the library sk_core_schedule from src/core/schedule/{schedule,planner}.cpp, linked to the
# parts it USES (and, through them, to the parts below those). LINKS and PRIVATE_LINKS name other
# libraries (SDL2::SDL2, yaml-cpp). Every file includes the headers of other parts by their path
# from src/ ("core/time/local_time.hpp"). With PROGRAM name, the part is that executable instead
# (the program's main()).
#
# The USES lists are the architecture: sk_check_includes() turns them into a check that is part of
# every build (cmake/check_includes.cmake): a file may include only headers of its own part and of
# the parts below it, no part under src/core/ includes SDL, and every file lies in some part.

function(sk_part_target dir out)
    string(REPLACE "/" "_" name "${dir}")
    set(${out} sk_${name} PARENT_SCOPE)
endfunction()

function(sk_part dir)
    cmake_parse_arguments(PART "" "PROGRAM" "SOURCES;USES;LINKS;PRIVATE_LINKS" ${ARGN})
    sk_part_target(${dir} target)
    list(TRANSFORM PART_SOURCES PREPEND ${PROJECT_SOURCE_DIR}/src/${dir}/ REGEX "^[^/$]")
    if(PART_PROGRAM)
        set(target ${PART_PROGRAM})
        add_executable(${target} ${PART_SOURCES})
        # At the top of the build tree, where the scripts, CI and the README look for it.
        set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR})
    else()
        add_library(${target} STATIC ${PART_SOURCES})
    endif()
    target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    set(uses "")
    foreach(used IN LISTS PART_USES)
        sk_part_target(${used} used_target)
        if(NOT TARGET ${used_target})
            message(FATAL_ERROR "sk_part(${dir}): it uses ${used}, which is not declared before it")
        endif()
        list(APPEND uses ${used_target})
    endforeach()
    target_link_libraries(${target} PUBLIC sk_options ${uses} ${PART_LINKS}
                                    PRIVATE ${PART_PRIVATE_LINKS})
    list(JOIN PART_USES " " used_dirs)
    set_property(GLOBAL APPEND PROPERTY SK_PARTS "${dir}: ${used_dirs}")
endfunction()

# The table of parts (one line each: "core/schedule: core/model core/time") and the check of
# every #include against it, rerun whenever a file under src/ changes.
function(sk_check_includes)
    get_property(parts GLOBAL PROPERTY SK_PARTS)
    set(table "${PROJECT_BINARY_DIR}/parts.txt")
    list(JOIN parts "\n" text)
    set(old "")
    if(EXISTS "${table}")
        file(READ "${table}" old)
    endif()
    if(NOT old STREQUAL "${text}\n")  # rewritten only when it changes: no needless re-checks
        file(WRITE "${table}" "${text}\n")
    endif()
    # Without the front-end (SK_BUILD_APP=OFF) only the core's folders are parts.
    set(roots core)
    if(SK_BUILD_APP)
        list(APPEND roots app)
    endif()
    list(TRANSFORM roots PREPEND ${PROJECT_SOURCE_DIR}/src/ OUTPUT_VARIABLE root_dirs)
    set(patterns "")
    foreach(root IN LISTS root_dirs)
        list(APPEND patterns ${root}/*.cpp ${root}/*.hpp ${root}/*.h ${root}/*.hpp.in)
    endforeach()
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${patterns})
    list(JOIN roots "," roots_argument)
    set(stamp "${PROJECT_BINARY_DIR}/includes.checked")
    add_custom_command(
        OUTPUT "${stamp}"
        COMMAND ${CMAKE_COMMAND} -DPARTS=${table} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}/src
                -DROOTS=${roots_argument} -DSTAMP=${stamp}
                -P ${PROJECT_SOURCE_DIR}/cmake/check_includes.cmake
        DEPENDS ${sources} "${table}" ${PROJECT_SOURCE_DIR}/cmake/check_includes.cmake
        COMMENT "Checking that every part includes only the parts below it")
    add_custom_target(sk_include_check ALL DEPENDS "${stamp}")
    set(SK_PARTS_TABLE "${table}" PARENT_SCOPE)
    set(SK_PART_ROOTS_ARGUMENT "${roots_argument}" PARENT_SCOPE)
endfunction()
