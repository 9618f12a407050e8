"""Verb-named operations on cooperation and governance (lag 2023:196 §§ 7, 9–13)."""
