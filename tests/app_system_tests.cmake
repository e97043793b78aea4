# Tests of the appliance pieces: sd_notify, screen power commands, --install-timers.
sk_add_test(test_notify sk_app)
sk_add_test(test_power_command sk_app)
sk_add_test(test_timer_install sk_app)
