"""`scrkit check`: the review against the guidance's rules, each naming the Ofsted descriptor at risk."""
