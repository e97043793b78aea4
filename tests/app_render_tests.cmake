# Render tests: headless, with SDL's software renderer drawing into a surface.
sk_add_test(test_render sk_app)
sk_add_test(test_layout sk_app)
# The PNG test reads its output back with zlib.
target_link_libraries(test_render PRIVATE ZLIB::ZLIB)
