"""The governance pages of a kommun's workspace, one module per URL area.

- `actors`: the actor registry and its contact persons (aktorer/)
- `agreements`: agreements, citizen promises and their documents (samverkan/, dokument/)
- `council`: the strategic council, its members, working groups, meetings and decisions (rad/)
- `cycle`: the årshjul (arshjul/)
- `coordination`: the coordination function and its public contact point (samordning/)
- `leadership`: the leading body, its reports to kommunfullmäktige, linked plans (ledning/)
- `compliance`: the law panel (lagkrav/)

Every view is one function under `workspace_view(level)`: READER for what anyone who opens
the workspace reads, STAFF for what only the kommun's own staff read, COORDINATOR for every
change. Objects come from `request.workspace.get(...)` or `.visible(...)`; whoever may not see
or change one gets the one 404.

An action (POST only) says so with `workspace_view(..., methods=["POST"])`.

The forms stay in one module, `governance/forms.py`: see its docstring for why.
"""
