"""Extraction: raw article → cleaned text → sentences → quotes and speakers → issues → events.

Each step is a pure function of its inputs, so the corpus can be rebuilt at any time and the
same articles always give the same facts (and the same ids).
"""
