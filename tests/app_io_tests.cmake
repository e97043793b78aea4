# Sound and input tests.
sk_add_test(test_tone_synth sk_app)
sk_add_test(test_audio sk_app)
sk_add_test(test_input sk_app)
sk_add_test(test_gamepads sk_app)
