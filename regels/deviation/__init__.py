"""The deviation clause ("het nieuwe ja, mits"): mechanism indicators and the assessment.

- ``wijkdata``: the CBS figures per wijk that the plan carries, with the wijk geometry and neighbours.
- ``indicators``: the five Zoetermeer mechanisms, each computed from the proposal's onderbouwing and
  the wijk figures: definition, value before and after, direction, data used with source and year.
- ``clause``: the plan's afwijkingsregels evaluated over those indicators → afwijken mogelijk, mits … /
  niet mogelijk, omdat … / onvoldoende onderbouwd, want … ontbreekt. Never a bare "toegestaan".
"""
