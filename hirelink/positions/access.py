from __future__ import annotations

from typing import Any

from django.http import Http404

from hirelink.positions.models import Position
from hirelink.positions.selectors import positions_visible_to


def access_position_by_id(*, user: Any, position_id: int) -> Position:
    position = positions_visible_to(user=user).filter(pk=position_id).first()
    if position is None:
        raise Http404
    return position
