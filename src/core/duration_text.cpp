// duration_text: implementation pending.
