target_sources(sk_app PRIVATE ${PROJECT_SOURCE_DIR}/src/app/render_placeholder.cpp)
