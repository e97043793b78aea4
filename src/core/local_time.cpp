// local_time: implementation pending.
