// history: implementation pending.
