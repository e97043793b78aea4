// planner: implementation pending.
