"""Project commands (``COMMANDS_MODULE``): ``crawl`` validates arguments before it starts."""
