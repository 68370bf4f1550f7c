"""Jobs: what was asked, how it is split, where it stands, and the transitions between states."""
