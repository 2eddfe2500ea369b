"""kg: knowledge graphs of who is who and who said what in UK general-practice policy news."""

__version__ = "0.1.0"
