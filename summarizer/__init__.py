"""The newsroom: text in, facts out. Never imports from `bot`."""
