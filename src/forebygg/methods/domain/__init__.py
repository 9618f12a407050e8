"""Verb-named operations on the method library and the experience bank. Views call only these."""
