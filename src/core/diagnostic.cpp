// diagnostic: implementation pending.
