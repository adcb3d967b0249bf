"""The bundled seed articles and codebook (data only; shipped as package data)."""
