"""The Pelican stage: the generator that wires the stages (generator.py), the build's start and end
(lifecycle.py), the one way a file is written (output.py, with the change manifest, manifest.py), and the new
site put in the output folder's place in one step (swap.py)."""
