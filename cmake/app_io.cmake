# sound and input sources: target_sources(sk_app PRIVATE ...)
