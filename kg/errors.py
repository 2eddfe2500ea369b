"""One root exception for kg; the CLI turns these into one-line messages and a non-zero exit."""


class KGError(Exception):
    """Root of every error kg raises on purpose."""


class InputError(KGError):
    """A source path or document cannot be read or holds nothing usable."""


class ModelError(KGError):
    """No usable spaCy English pipeline is installed."""


class QueryError(KGError):
    """A SPARQL query is missing, malformed or refused."""


class GraphError(KGError):
    """A graph file is missing or cannot be parsed."""


class ExportError(KGError):
    """An export format is unknown or an output cannot be written."""


class PushError(KGError):
    """A graph cannot be sent to a SPARQL server (bad endpoint URL, server down, or the server refused it)."""


class ClusterError(KGError):
    """A Dask cluster cannot be reached or started, or one of its workers failed (Dask missing, too)."""
