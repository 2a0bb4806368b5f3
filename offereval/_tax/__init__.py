"""Taxes on an offer's pay, by jurisdiction: the data (each figure with its source) and the rules.

Every jurisdiction reports its taxes as TaxLine values: one named amount each, with the source of
the figures used to compute it, so a breakdown can always say where a number comes from.
"""
