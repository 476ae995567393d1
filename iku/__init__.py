"""iku: Excel realisations in, signed-ready SAKIP performance documents out."""
