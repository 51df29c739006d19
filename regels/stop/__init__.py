"""STOP/TPOD: reading and checking official deliveries (LVBB aanlevering, DSO uitwisselpakket).

* :mod:`regels.stop.veilig` - safe reading of untrusted XML and zip archives.
* :mod:`regels.stop.schemas` - the schema store (local folder or download cache), document kinds,
  element paths and XSD validation.
* :mod:`regels.stop.schematron` - the official STOP/LVBB Schematron, every pattern, with Saxon-HE.
"""
