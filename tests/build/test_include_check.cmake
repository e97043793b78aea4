# The layering check (cmake/check_includes.cmake) passes on the real tree and fails on a copy of it
# with bad includes planted, naming each one's place and reason.
#   cmake -DCHECKER=... -DPARTS=build/parts.txt -DSOURCE_DIR=src -DROOTS=core,app -DWORK_DIR=...
#         -P tests/build/test_include_check.cmake

function(run_checker parts source out_status out_output)
    execute_process(COMMAND ${CMAKE_COMMAND} -DPARTS=${parts} -DSOURCE_DIR=${source}
                            -DROOTS=${ROOTS} -P ${CHECKER}
                    RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
    set(${out_status} ${status} PARENT_SCOPE)
    set(${out_output} "${output}" PARENT_SCOPE)
endfunction()

function(expect_line output line)
    string(FIND "${output}" "${line}\n" found)
    if(found EQUAL -1)
        message(FATAL_ERROR "expected the line\n  ${line}\nin\n${output}")
    endif()
endfunction()

# The real tree is clean.
run_checker(${PARTS} ${SOURCE_DIR} status output)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "the real tree fails the check:\n${output}")
endif()

# A copy with three bad includes and a stray folder.
file(REMOVE_RECURSE ${WORK_DIR})
file(COPY ${SOURCE_DIR}/ DESTINATION ${WORK_DIR}/src)
function(prepend file line)
    file(READ ${WORK_DIR}/src/${file} text)
    file(WRITE ${WORK_DIR}/src/${file} "${line}\n${text}")
endfunction()
prepend(core/schedule/planner.cpp "#include \"core/controller/controller.hpp\"")
prepend(core/time/local_time.cpp "#include <SDL.h>")
prepend(core/history/stats.cpp "#include \"stats_helpers.hpp\"")
prepend(core/session/session.hpp "#include \"core/screens/views.hpp\"")
file(WRITE ${WORK_DIR}/src/core/stray/stray.hpp "#pragma once\n")
run_checker(${PARTS} ${WORK_DIR}/src status output)
if(status EQUAL 0)
    message(FATAL_ERROR "the planted includes were not found:\n${output}")
endif()
expect_line("${output}" "src/core/schedule/planner.cpp:1: core/schedule includes \"core/controller/controller.hpp\", but core/controller is not below it (core/schedule uses core/model, core/time)")
expect_line("${output}" "src/core/time/local_time.cpp:1: core/time includes <SDL.h>: no core part includes SDL (the core is drawn by app/, not the other way round)")
expect_line("${output}" "src/core/history/stats.cpp:1: \"stats_helpers.hpp\" is not beside the file: name it by its path from src/")
expect_line("${output}" "src/core/session/session.hpp:1: core/session includes \"core/screens/views.hpp\", but core/screens is not below it (core/session uses core/model, core/time)")
expect_line("${output}" "src/core/stray/stray.hpp: is in no part: declare its folder with sk_part() (cmake/parts.cmake)")
# The summary comes through message(FATAL_ERROR), which wraps it.
string(FIND "${output}" "5 include problem(s)" found)
if(found EQUAL -1)
    message(FATAL_ERROR "expected a count of 5 problems in\n${output}")
endif()

# A table in which two parts use each other is refused.
file(WRITE ${WORK_DIR}/cycle.txt "core/model: core/time\ncore/time: core/model\n")
file(REMOVE_RECURSE ${WORK_DIR}/empty)
file(MAKE_DIRECTORY ${WORK_DIR}/empty/core)
set(ROOTS core)
run_checker(${WORK_DIR}/cycle.txt ${WORK_DIR}/empty status output)
if(status EQUAL 0)
    message(FATAL_ERROR "a cycle of parts was accepted:\n${output}")
endif()
expect_line("${output}" "${WORK_DIR}/cycle.txt: core/model uses itself, through the parts it uses")
message(STATUS "include check: the tree is clean, and every planted include was caught")
