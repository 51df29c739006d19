"""STOP/TPOD: reading and checking official deliveries (LVBB aanlevering, DSO uitwisselpakket).

* :mod:`regels.stop.veilig` - safe reading of untrusted XML and zip archives.
* :mod:`regels.stop.schemas` - the schema store (local folder or download cache), XSD validation
  and the part of the official Schematron that runs without an XSLT 2 processor.
"""
