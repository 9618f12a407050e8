"""Verb-named operations on the yearly report chain."""
