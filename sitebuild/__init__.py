"""The build's rules, one module per rule family. The hooks in hooks/ call
them; scripts/ and tests/ import them too. The build runs as
`python -m mkdocs ...` from the project root, so this package is importable
without any sys.path edits (Makefile, CONTRIBUTING "How the build finds its code").

- errors.py       one error type and one message format: file:line: problem. Hint: fix
- sourcefiles.py  reading pages and data: UTF-8, strict YAML (no duplicate key, alias in front
                  matter, control or direction character), the file types docs/ may hold
- allowlist.py    the ONE list of elements, attributes and URL schemes content may produce (nh3)
- markup.py       the allowlist applied to rendered Markdown, front matter and data strings
- placeholders.py {{ firm.key }} in Markdown: known keys only, nothing malformed, nothing left over
- anchors.py      every heading has { #anchor }, identical across languages
- translations.py page twins, the same statutes and unique descriptions per language
- statutes.py     gs:90-96 -> the NC General Assembly's page
- escaping.py     values from content and data, escaped for their context
- csp.py          the Content-Security-Policy, its allowlists of inline scripts and styles,
                  and the URL check for SITE_URL and the form endpoint
- data.py         data/firm.yml (one phone field) and data/strings.yml
- share_image.py  the share image, drawn from the firm facts
- buildinfo.py    facts about the running build (language, inner builds, preview)
- terms.py        the Spanish legal terms (data/terms.yml)
"""
