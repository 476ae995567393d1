from iku.cli import main

main()
