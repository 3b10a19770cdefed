"""The family's genogram (Appendix 15), drawn from the people records."""
