"""Compiled templates, kept: Jinja's bytecode cache for the theme.

Each build compiles Material's and our templates again, once per language
build (the Spanish build makes a new Jinja environment): about 0.4 s of a
3.5 s build. `CACHE` keeps the compiled code

- in memory, for the process: the Spanish build reuses what the English
  build compiled (`make serve` forgets `sitebuild` modules, and so this
  cache, before each rebuild);
- and, when the environment variable `SITE_TEMPLATE_CACHE` names a folder,
  on disk too, for the next process (the test suite sets it, so its many
  builds of copies compile each template once). Off by default: `make
  build` and CI's deploy compile from source.

Nothing stale can be used: Jinja checks each entry against the template's
source (a checksum), and the key holds the template's file and every
environment setting that changes the compiled code (autoescape for that
template, extensions, delimiters), plus Jinja's and Python's versions
(Jinja's own header). Output is byte for byte the same with or without it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

ENV_VAR = "SITE_TEMPLATE_CACHE"


def _settings(env: Environment, name: str) -> str:
    """What, besides the source, the compiled code of `name` depends on."""
    autoescape = env.autoescape(name) if callable(env.autoescape) else env.autoescape
    return repr((autoescape, sorted(env.extensions), env.block_start_string, env.block_end_string,
                 env.variable_start_string, env.variable_end_string, env.comment_start_string,
                 env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
                 env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
                 env.optimized, env.is_async))


class TemplateCache(BytecodeCache):
    """Compiled templates in memory, and in `folder` when one is given."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.memory: dict[str, bytes] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        key = hashlib.sha1((self.get_cache_key(name, filename) + _settings(environment, name)).encode(),
                           usedforsecurity=False).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.memory.get(bucket.key)
        if data is None and self.folder is not None:
            try:
                data = (self.folder / bucket.key).read_bytes()
            except OSError:
                return
        if data is not None:
            bucket.bytecode_from_string(data)  # Jinja resets the bucket when the checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        data = bucket.bytecode_to_string()
        self.memory[bucket.key] = data
        if self.folder is None:
            return
        try:  # written whole, then renamed: a parallel build never reads half a file
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, self.folder / bucket.key)
        except OSError:
            pass  # a cache: the next build compiles again


def cache_from_environ() -> TemplateCache:
    folder = os.environ.get(ENV_VAR)
    return TemplateCache(Path(folder) if folder else None)


CACHE = cache_from_environ()  # one per process (the state table in ARCHITECTURE.md)
