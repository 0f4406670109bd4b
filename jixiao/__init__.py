"""jixiao (绩效) — budget performance management for Chinese public-sector units.

Data flows one way: files → ``model`` → ``store`` → review/evaluate → publish.
"""

__version__ = "0.1.0"
