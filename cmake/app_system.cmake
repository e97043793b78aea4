# sd_notify, screen power and timer sources: target_sources(sk_app PRIVATE ...)
