# cmake -DSOURCE_DIR=... -DXGETTEXT=... -DMSGMERGE=... -P po/update-po.cmake (the update-po target):
# the program's words from every source under src/ into po/stretch-kiosk.pot, and each catalog
# of po/LINGUAS merged with it. With -DPOT=FILE and no MSGMERGE, only the template, into FILE
# (the test that the committed template is current, tests/build/test_catalog_template.sh).
if(NOT POT)
    set(POT ${SOURCE_DIR}/po/stretch-kiosk.pot)
endif()
file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/src/*.cpp)
list(SORT sources)
execute_process(
    COMMAND ${XGETTEXT} --language=C++ --from-code=UTF-8 --keyword=tr --keyword=tr_n:1,2
            --keyword=tr_c:1c,2 --add-comments=TRANSLATORS: --package-name=stretch-kiosk
            --add-location=file --no-wrap --output=${POT} ${sources}
    WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE failed)
if(failed)
    message(FATAL_ERROR "xgettext failed")
endif()
if(NOT MSGMERGE)
    return()
endif()
file(STRINGS ${SOURCE_DIR}/po/LINGUAS languages REGEX "^[^#]")
string(REPLACE " " ";" languages "${languages}")
foreach(language IN LISTS languages)
    execute_process(COMMAND ${MSGMERGE} --quiet --update --backup=none --no-wrap
                            po/${language}.po po/stretch-kiosk.pot
                    WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE failed)
    if(failed)
        message(FATAL_ERROR "msgmerge failed for ${language}")
    endif()
endforeach()
