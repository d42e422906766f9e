"""Ingest: files, directories, globs of .txt/.html/.jsonl/.csv -> Documents (or Rejections)."""

from readout.ingest.dedup import find_near_duplicates, similarity
from readout.ingest.header import parse_header
from readout.ingest.read import MAX_BYTES, Rejection, iter_inputs, load_document

__all__ = ["MAX_BYTES", "Rejection", "find_near_duplicates", "iter_inputs", "load_document", "parse_header", "similarity"]
