"""Pure-Python analysis (ASR, text, voice, face, fusion). Imports no Django: see the import contracts."""
