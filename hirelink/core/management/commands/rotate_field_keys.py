"""Re-encrypt every encrypted field with the first key of HIRELINK_FIELD_ENCRYPTION_KEYS (key rotation)."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from hirelink.core.crypto import EncryptedTextField, rotate


class Command(BaseCommand):
    help = (
        "Rotate field-encryption keys: put the new key first in HIRELINK_FIELD_ENCRYPTION_KEYS (keep the old ones "
        "after it), run this command, then remove the old keys."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        for model in apps.get_models():
            fields = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
            if not fields:
                continue
            names = [f.attname for f in fields]
            with transaction.atomic():
                # Read the raw ciphertext (bypassing from_db_value) and write the rotated token back.
                for pk in model._default_manager.values_list("pk", flat=True).iterator():
                    raw = self._raw_values(model, pk, names)
                    updates = {name: rotate(value) for name, value in raw.items() if value}
                    if updates:
                        self._write_raw(model, pk, updates)
                        total += 1
        self.stdout.write(self.style.SUCCESS(f"re-encrypted {total} rows"))

    @staticmethod
    def _raw_values(model: Any, pk: Any, names: list[str]) -> dict[str, str]:
        from django.db import connection

        table = connection.ops.quote_name(model._meta.db_table)
        cols = ", ".join(connection.ops.quote_name(n) for n in names)
        pk_col = connection.ops.quote_name(model._meta.pk.column)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {cols} FROM {table} WHERE {pk_col} = %s", [pk])  # noqa: S608 - quoted names
            row = cursor.fetchone()
        return dict(zip(names, row, strict=True))

    @staticmethod
    def _write_raw(model: Any, pk: Any, updates: dict[str, str]) -> None:
        from django.db import connection

        table = connection.ops.quote_name(model._meta.db_table)
        sets = ", ".join(f"{connection.ops.quote_name(n)} = %s" for n in updates)
        pk_col = connection.ops.quote_name(model._meta.pk.column)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {sets} WHERE {pk_col} = %s",  # noqa: S608 - quoted identifiers only
                [*updates.values(), pk],
            )
