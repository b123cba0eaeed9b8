"""OAuth2 client credentials: the app authenticates as itself, with the scopes it asks for.
The token is renewed automatically (a new grant before it expires).

    BYNDER_PORTAL=... BYNDER_CLIENT_ID=... BYNDER_CLIENT_SECRET=... python client_credentials.py
"""

from __future__ import annotations

import os

import bynder
from bynder.models import Token


def save(token: Token) -> None:
    # Called with every new token; persist it if other processes should reuse it.
    print(f"new token, expires at {token.get('expires_at')}, scopes: {token.get('scope')}")


def main() -> None:
    with bynder.Client(
        os.environ["BYNDER_PORTAL"],
        client_id=os.environ["BYNDER_CLIENT_ID"],
        client_secret=os.environ["BYNDER_CLIENT_SECRET"],
        scopes=["asset:read", "collection:read"],
        on_token=save,
    ) as client:
        for collection in client.collections.iter(limit=100):
            print(f"- {collection['name']}: {collection.get('collectionCount', 0)} assets")
        print(client.stats())


if __name__ == "__main__":
    main()
