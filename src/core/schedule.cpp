// schedule: implementation pending.
