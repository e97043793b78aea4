// config: implementation pending.
