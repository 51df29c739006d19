from regels.cli import main

main(prog_name="regels")
