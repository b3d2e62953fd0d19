from scamshield.cli import main

main()
