"""Handling errors: every exception is a bynder.BynderError with .status, .request_id, .kind.

    BYNDER_PORTAL=... BYNDER_TOKEN=... python errors.py
"""

from __future__ import annotations

import os

import bynder


def main() -> None:
    with bynder.Client(os.environ["BYNDER_PORTAL"], permanent_token=os.environ["BYNDER_TOKEN"]) as client:
        try:
            client.media.get("00000000-0000-0000-0000000000000000")
        except bynder.NotFoundError as error:
            print(f"not found: status {error.status}, request id {error.request_id}")

        try:
            client.media.get("not-an-id")
        except bynder.InvalidIdError as error:  # also a ValueError; no request was sent
            print(f"bad id: {error.message}")

        try:
            client.collections.create(name="")
        except bynder.ValidationError as error:
            print(f"rejected: {error.message}")
        except bynder.BynderError as error:
            print(f"{error.kind} ({error.code}): {error}")


if __name__ == "__main__":
    main()
