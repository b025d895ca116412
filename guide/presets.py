"""Starting sets: a few questions ticked at once, a lighter start than all of them.

``GET /<lang>/?preset=<name>`` shows the guide with the set ticked (the person can change
it), and ``GET /<lang>/checklist.pdf?preset=<name>`` prints it. Names are a public contract
like question ids: keep them.
"""
from __future__ import annotations

PRESETS: dict[str, tuple[str, ...]] = {
    # A first visit: why me, how likely it helps, the harms, whether my health rules it out,
    # what else I could do, and what it costs. The benefits, risks and options of the
    # "Ask 3 Questions" the guide's last section comes from.
    "start": ("why-me", "chance-of-help", "side-effects", "health-problems", "other-options",
              "cost"),
}
