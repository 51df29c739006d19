from regels.cli import main

main()
