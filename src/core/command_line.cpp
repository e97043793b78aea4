// command_line: implementation pending.
