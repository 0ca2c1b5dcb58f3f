"""The build's rules, one module per rule family. The hooks in hooks/ call
them; scripts/ and tests/ import them too. `make` installs this package
editable (pip install -e .), so `mkdocs build -f PATH/mkdocs.yml` works from
any folder; where the project is comes from that mkdocs.yml (project.py).

- project.py      the project's folder and languages, from mkdocs.yml (Project.from_config)

- errors.py       one error type and one message format: file:line: problem. Hint: fix
- sourcefiles.py  reading pages and data: UTF-8, strict YAML (no duplicate key, alias in front
                  matter, control or direction character), the file types docs/ may hold
- allowlist.py    the ONE list of elements, attributes and URL schemes content may produce (nh3)
- markup.py       the allowlist applied to rendered Markdown, front matter and data strings
- placeholders.py {{ firm.key }} in Markdown: known keys only, nothing malformed, nothing left over
- anchors.py      twins have the same headings (count, levels) and the same ids
- derived_anchors.py  a heading without { #id } gets the English twin's id at its position
- translations.py page twins, the same statutes and unique descriptions per language
- statutes.py     gs:90-96 -> the NC General Assembly's page
- escaping.py     values from content and data, escaped for their context
- templates.py    compiled templates kept for the process (and SITE_TEMPLATE_CACHE's folder)
- navcache.py     Material's menu rendered once per build for pages it does not list
- mdengine.py     one Markdown engine per build for MkDocs' page renders (not one per page)
- parallel.py     in_two: a list's second half in a forked process (the page checks from 400 pages on)
- csp.py          the Content-Security-Policy, its allowlists of inline scripts and styles,
                  and the URL check for SITE_URL and the form endpoint
- data.py         data/firm.yml (one phone field) and data/strings.yml
- share_image.py  the share image, drawn from the firm facts
- buildinfo.py    facts about the running build (language, inner builds, preview)
- terms.py        the Spanish legal terms (data/terms.yml)
- schema/         typed models (pydantic) of firm, strings, local, costs, review, quiz; errors at the YAML line
The other modules (quiz, updates, seo, cms, ...): docs/maintainers/ARCHITECTURE.md,
"Where each rule lives".

The hook contract. mkdocs-static-i18n (priority -100 on on_config, on_files,
on_nav, on_post_page, on_post_build) runs the whole build once more per extra
language with THE SAME config object, so config.extra lives across language
builds. Every key below is set again in each build's on_config (or popped),
never read from an earlier build; whole-site work and notices run only when
buildinfo.inner_language_build(config) is False (once per build).

| hook        | events (priority; 0 = order in mkdocs.yml)                   | config.extra          | across builds |
|-------------|--------------------------------------------------------------|-----------------------|---------------|
| preview     | on_startup, on_serve                                         | -                     | env DL_MKDOCS_SERVE (serve only) |
| firm        | on_config, on_files(-150), on_env, on_page_markdown          | writes firm, strings  | notices once (outer build) |
| escaping    | on_env, on_page_context(-1000)                               | -                     | templates.CACHE (compiled templates, checked against their source) |
| navcache    | on_env                                                       | -                     | menu HTML on this build's Navigation object |
| mdengine    | on_config                                                    | -                     | the kept engine (mdengine._MODULE), dropped in each build's on_config |
| rules       | on_config (outer only), on_nav(-300), on_page_markdown(100), on_post_page | writes/pops _rules_docs | popped in on_nav |
| terms       | on_config, on_page_content, on_post_page                     | writes terms          | - |
| notfound    | on_post_build                                                | -                     | a file in site/ (404.en.keep) |
| quiz        | on_config, on_page_context                                   | writes quiz           | - |
| contact     | on_config(-10, after firm), on_files(-200), on_page_context  | changes firm          | - |
| updates     | on_files(-200), on_page_markdown, on_page_context, on_env    | reads strings         | state on File objects (per build) |
| local_help / costs / diagrams / glossary | on_config, page events          | writes local_help, costs, diagrams, glossary | - |
| court_date  | on_page_markdown                                             | reads firm, strings   | - |
| seo / css   | seo: page events; css: on_files(-150); both on_post_build(-200, outer only) | - | - |
| security    | on_config, on_env, on_post_page, on_post_build(-200)         | writes _csp_allowed_scripts/_styles (on_env) | the outer on_post_build reads the last on_env's (same in every language) |
| valid_html  | on_post_page, on_post_build(-150)                            | -                     | - |
| cms         | on_post_build(-300, last)                                    | -                     | - |
"""
