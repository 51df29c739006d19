"""The data of regels: frozen pydantic models, no I/O and no evaluation logic.

- ``regels.model.regeling``: the plan text as written (files, hoofdstukken, artikelen, leden,
  juridische regels, begrippen, normen, declarations), aligned with IMOW.
- ``regels.model.expressie``: conditions and requirements over begrippen and normen.
- ``regels.model.voorstel``: a proposal (initiatief) to check.
- ``regels.model.uitkomst``: the result of a check, with its trace and receipt.
"""
