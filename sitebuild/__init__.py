"""The site's build, stage by stage; build.py at the root is the command that runs it."""
