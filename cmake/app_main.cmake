# the kiosk loop and command modes: target_sources(sk_app PRIVATE ...)
