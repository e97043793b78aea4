// session: implementation pending.
