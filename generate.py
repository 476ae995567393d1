"""Entry point: python generate.py [build|check|template] ... (see README)."""

from iku.cli import main

if __name__ == "__main__":
    main()
