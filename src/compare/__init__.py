"""compare: comparative summarization of dated documents.

    import compare

    documents = compare.read("a.txt", "b.txt")      # paths, or (text, "YYYY-MM-DD") pairs
    brief = compare.brief(documents)                 # a compare.Brief
    print(brief.to_markdown())                       # .to_html(), .to_json(); Jupyter shows it

See docs/library.md. Importing compare loads no model and no torch.
"""

from .api import brief, read
from .errors import CompareError
from .types import Brief, Document, Status

__version__ = "0.1.0"

__all__ = ["Brief", "CompareError", "Document", "Status", "__version__", "brief", "read"]
