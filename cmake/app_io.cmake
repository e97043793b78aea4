# Sound and input: cue synthesis and playback, and key, gamepad, mouse and touch translation.
target_sources(sk_app PRIVATE
    ${PROJECT_SOURCE_DIR}/src/app/audio.cpp
    ${PROJECT_SOURCE_DIR}/src/app/gamepads.cpp
    ${PROJECT_SOURCE_DIR}/src/app/input.cpp
    ${PROJECT_SOURCE_DIR}/src/app/tone_synth.cpp)
