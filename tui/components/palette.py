"""The command palette's provider: every action of the registry, searchable by description."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.actions import ACTIONS, Action


class ActionsProvider(Provider):
    """Lists the app and list actions (and the reader's, when the reader is open)."""

    def _actions(self) -> list[Action]:
        from tui.components.reader import ReaderScreen

        scopes = ("reader",) if isinstance(self.screen, ReaderScreen) else ("app", "list")
        return [a for a in ACTIONS if a.scope in scopes and a.id != "command_palette"]

    def _run(self, action: Action) -> None:
        self.app.run_registry_action(action)

    def _label(self, action: Action) -> str:
        return f"{action.description}  ({action.key_label})"

    async def discover(self) -> Hits:
        for action in self._actions():
            yield DiscoveryHit(self._label(action), partial(self._run, action), help=action.pane)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for action in self._actions():
            label = self._label(action)
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self._run, action), label)
