"""Scene breakdowns: the elements every department needs, scene by scene (see docs/breakdown.md)."""
