// config_parser: implementation pending.
