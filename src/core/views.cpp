// views: implementation pending.
