"""Beam transforms: one composite PTransform per module, named for what it produces."""
