// stats: implementation pending.
