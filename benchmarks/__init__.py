"""The benchmarks (one script per figure an issue names) and the generators that fill
their database. Not part of the runtime package: neither installed nor in the image."""
