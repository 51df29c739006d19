"""``python -m regels.web``: the same as ``regels serve``."""

from regels.web.cli import serve

if __name__ == "__main__":  # pragma: no cover
    serve(prog_name="python -m regels.web")
